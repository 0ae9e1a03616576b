package dev.tend.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tend.contracts.Events;
import dev.tend.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the service's audit trail, newest first. */
@ApplicationScoped
public class AuditLog {

    private final EntityManager entityManager;

    public AuditLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Page<AuditEntryView> find(AuditQuery query, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (query.customerId() != null) {
            where.append(" AND customer_id = ?");
            parameters.add(query.customerId());
        }
        if (query.actor() != null) {
            where.append(" AND actor = ?");
            parameters.add(query.actor());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_entry" + where)) {
                bind(count, parameters);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<AuditEntryView> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, occurred_at, actor, action, customer_id, details::text, correlation_id, trace_id
                    FROM audit_entry""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
                bind(select, parameters);
                select.setInt(parameters.size() + 1, size);
                select.setLong(parameters.size() + 2, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(view(rows));
                    }
                }
            }
            return new Page<>(entries, page, size, total);
        });
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static AuditEntryView view(ResultSet row) throws SQLException {
        try {
            return new AuditEntryView(row.getLong(1), row.getObject(2, OffsetDateTime.class), row.getString(3),
                    AuditAction.valueOf(row.getString(4)), row.getObject(5, UUID.class),
                    Events.mapper().readTree(row.getString(6)), row.getString(7), row.getString(8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit entry's details are not JSON", e);
        }
    }
}
