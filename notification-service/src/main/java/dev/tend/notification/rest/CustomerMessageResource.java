package dev.tend.notification.rest;

import dev.tend.notification.Notification;
import dev.tend.notification.inbound.StaffAnswers;
import dev.tend.platform.rest.IdempotentRequests;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A household's conversation with the clinic, both ways, and staff answers into it. */
@Path("/customers/{customerId}/messages")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class CustomerMessageResource {

    private final StaffAnswers answers;
    private final IdempotentRequests idempotent;
    private final EntityManager entityManager;

    public CustomerMessageResource(StaffAnswers answers, IdempotentRequests idempotent, EntityManager entityManager) {
        this.answers = answers;
        this.idempotent = idempotent;
        this.entityManager = entityManager;
    }

    /** A one-off message from staff: 201 with the notification, sent by the dispatcher like every other. */
    @POST
    public Response send(@RestPath UUID customerId, StaffAnswers.Request request,
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        if (request == null) {
            throw ProblemException.invalid("body", "a message is required");
        }
        return idempotent.create("staff-message:" + customerId, idempotencyKey, request, () -> {
            Notification notification = answers.send(customerId, request);
            return new IdempotentRequests.Created(URI.create("/notifications/" + notification.id),
                    NotificationView.of(notification));
        });
    }

    /** Newest first, paged: what we sent them and what they wrote, in one list. */
    @GET
    public Page<ConversationEntry> conversation(@RestPath UUID customerId,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "size must be between 1 and 200");
        }
        String both = """
                SELECT 'OUT' AS direction, n.id, n.channel, n.status, n.template_key, NULL AS kind, n.subject,
                       n.body_text AS body, n.recipient AS address, NULL::int AS rating,
                       n.in_reply_to_message_id AS in_reply_to, COALESCE(n.sent_at, n.created_at) AS at
                FROM notification n WHERE n.customer_id = :id
                UNION ALL
                SELECT 'IN', m.id, m.channel, m.status, NULL, m.kind, m.subject, m.body, m.from_address, m.rating,
                       m.in_reply_to_notification_id, m.received_at
                FROM inbound_message m JOIN inbound_message_customer c ON c.message_id = m.id
                WHERE c.customer_id = :id""";
        long total = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM (" + both + ") AS t")
                .setParameter("id", customerId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT * FROM (" + both + ") AS t ORDER BY at DESC, id LIMIT :size OFFSET :offset")
                .setParameter("id", customerId)
                .setParameter("size", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        List<ConversationEntry> entries = rows.stream().map(row -> new ConversationEntry((String) row[0], (UUID) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                (String) row[8], row[9] == null ? null : ((Number) row[9]).intValue(), (UUID) row[10], instant(row[11])))
                .toList();
        return new Page<>(entries, page, size, total);
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
