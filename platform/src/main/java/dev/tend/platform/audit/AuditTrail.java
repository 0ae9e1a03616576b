package dev.tend.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tend.contracts.Events;
import dev.tend.platform.observability.Correlation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records who did what, on which household, when, in the service's append-only {@code audit_entry} table. Written
 * in the caller's transaction, so an action and its entry commit together or not at all.
 *
 * <p>Details hold ids, outcomes, channels and versions, never personal data (names, phone numbers, addresses,
 * message texts, notes): an entry outlives the household's erasure, and must not identify the person then.
 */
@ApplicationScoped
public class AuditTrail {

    /** The subject of work no person started: a consumed event, a scheduled job. */
    public static final String SYSTEM = "system";
    /** The subject when a request carries no identity (never for an audited endpoint, which all need a role). */
    public static final String ANONYMOUS = "anonymous";

    private static final String INSERT = """
            INSERT INTO audit_entry (occurred_at, actor, action, customer_id, details, correlation_id, trace_id)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""";

    private final EntityManager entityManager;
    private final Clock clock;

    public AuditTrail(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records an action of the request's caller: the subject of their token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, UUID customerId, Map<String, ?> details) {
        record(action, customerId, currentSubject(), details);
    }

    /** Records an action of {@code subject}: {@link #SYSTEM} for work a consumed event started. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, UUID customerId, String subject, Map<String, ?> details) {
        String json = json(details == null ? Map.of() : details);
        String correlationId = Correlation.current();
        // The trace of the request or event that did it, so ops can go from an audit line to everything it caused.
        SpanContext span = Span.current().getSpanContext();
        String traceId = span.isValid() ? span.getTraceId() : null;
        Timestamp at = Timestamp.from(clock.instant());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setTimestamp(1, at);
                insert.setString(2, subject);
                insert.setString(3, action.name());
                if (customerId == null) {
                    insert.setNull(4, Types.OTHER);
                } else {
                    insert.setObject(4, customerId);
                }
                insert.setString(5, json);
                insert.setString(6, correlationId);
                insert.setString(7, traceId);
                insert.executeUpdate();
            }
        });
    }

    /** The token's {@code sub} (the console puts the person's username there; an integration has its own). */
    public static String currentSubject() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static String json(Map<String, ?> details) {
        try {
            return Events.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details could not be written as JSON", e);
        }
    }
}
