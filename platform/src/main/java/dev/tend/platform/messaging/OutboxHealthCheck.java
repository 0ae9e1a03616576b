package dev.tend.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Reports a relay that has stopped making progress, with the size and age of the backlog, so ops see
 * "events are not leaving this service" before customers notice missing follow-ups.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private static final Duration STALL_AFTER = Duration.ofSeconds(60);

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final OutboxBacklog backlog;

    public OutboxHealthCheck(OutboxRelay relay, OutboxConfig config, OutboxBacklog backlog) {
        this.relay = relay;
        this.config = config;
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay");
        if (!config.relayEnabled()) {
            return response.up().withData("relay", "disabled").build();
        }
        OutboxBacklog.Snapshot backlog;
        try {
            backlog = this.backlog.measure();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
        Instant now = Instant.now();
        Instant lastPass = relay.lastSuccessfulPass();
        boolean stalled = lastPass == null || Duration.between(lastPass, now).compareTo(STALL_AFTER) > 0;
        response.withData("backlog", backlog.size()).withData("oldestAgeSeconds", backlog.oldestAge().toSeconds());
        if (relay.lastFailure() != null) {
            response.withData("lastFailure", relay.lastFailure());
        }
        return response.status(!stalled).build();
    }
}
