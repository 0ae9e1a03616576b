package dev.tend.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Households' conversations read from the database: what we sent them and what they wrote, in one list, newest
 * first. One household's is paged; many households' latest messages are read in one query, for a page that shows
 * several conversations at once (the console's Inbox).
 */
@ApplicationScoped
public class Conversations {

    /** Both directions for the households in {@code :ids}, each row carrying the household it belongs to. */
    private static final String BOTH = """
            SELECT n.customer_id, 'OUT' AS direction, n.id, n.channel, n.status, n.template_key, NULL AS kind, n.subject,
                   n.body_text AS body, n.recipient AS address, NULL::int AS rating,
                   n.in_reply_to_message_id AS in_reply_to, COALESCE(n.sent_at, n.created_at) AS at
            FROM notification n WHERE n.customer_id IN (:ids)
            UNION ALL
            SELECT c.customer_id, 'IN', m.id, m.channel, m.status, NULL, m.kind, m.subject, m.body, m.from_address, m.rating,
                   m.in_reply_to_notification_id, m.received_at
            FROM inbound_message m JOIN inbound_message_customer c ON c.message_id = m.id
            WHERE c.customer_id IN (:ids)""";

    private static final String COLUMNS = "direction, id, channel, status, template_key, kind, subject, body, address, "
            + "rating, in_reply_to, at";

    /** Some of a household's conversation, newest first, and how many messages it holds in all. */
    public record Latest(List<ConversationEntry> items, long total) {
    }

    private final EntityManager entityManager;

    public Conversations(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of a household's conversation, newest first. */
    public Latest page(UUID customerId, int page, int size) {
        long total = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM (" + BOTH + ") AS t")
                .setParameter("ids", List.of(customerId)).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM (" + BOTH
                        + ") AS t ORDER BY at DESC, id LIMIT :size OFFSET :offset")
                .setParameter("ids", List.of(customerId))
                .setParameter("size", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        return new Latest(rows.stream().map(row -> entry(row, 0)).toList(), total);
    }

    /**
     * The latest {@code size} messages of each household, newest first, in one query; every household asked for is
     * in the answer (with no messages if it has none), in the order asked.
     */
    public Map<UUID, Latest> latest(List<UUID> customerIds, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT customer_id, total, %s FROM (
                          SELECT t.*, row_number() OVER (PARTITION BY customer_id ORDER BY at DESC, id) AS n,
                                 count(*) OVER (PARTITION BY customer_id) AS total
                          FROM (%s) AS t) AS ranked
                        WHERE n <= :size ORDER BY customer_id, at DESC, id""".formatted(COLUMNS, BOTH))
                .setParameter("ids", customerIds)
                .setParameter("size", size)
                .getResultList();
        Map<UUID, List<ConversationEntry>> entries = new LinkedHashMap<>();
        Map<UUID, Long> totals = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID customerId = (UUID) row[0];
            entries.computeIfAbsent(customerId, id -> new ArrayList<>()).add(entry(row, 2));
            totals.put(customerId, ((Number) row[1]).longValue());
        }
        Map<UUID, Latest> latest = new LinkedHashMap<>();
        for (UUID customerId : customerIds) {
            latest.put(customerId, new Latest(entries.getOrDefault(customerId, List.of()), totals.getOrDefault(customerId, 0L)));
        }
        return latest;
    }

    private static ConversationEntry entry(Object[] row, int from) {
        return new ConversationEntry((String) row[from], (UUID) row[from + 1], (String) row[from + 2],
                (String) row[from + 3], (String) row[from + 4], (String) row[from + 5], (String) row[from + 6],
                (String) row[from + 7], (String) row[from + 8],
                row[from + 9] == null ? null : ((Number) row[from + 9]).intValue(), (UUID) row[from + 10],
                instant(row[from + 11]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
