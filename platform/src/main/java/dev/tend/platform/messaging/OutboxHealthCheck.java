package dev.tend.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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
    private final AgroalDataSource dataSource;

    public OutboxHealthCheck(OutboxRelay relay, OutboxConfig config, AgroalDataSource dataSource) {
        this.relay = relay;
        this.config = config;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay");
        if (!config.relayEnabled()) {
            return response.up().withData("relay", "disabled").build();
        }
        long size;
        Timestamp oldest;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT count(*), min(created_at) FROM outbox_message")) {
            resultSet.next();
            size = resultSet.getLong(1);
            oldest = resultSet.getTimestamp(2);
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
        Instant now = Instant.now();
        Duration oldestAge = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
        Instant lastPass = relay.lastSuccessfulPass();
        boolean stalled = lastPass == null || Duration.between(lastPass, now).compareTo(STALL_AFTER) > 0;
        response.withData("backlog", size).withData("oldestAgeSeconds", oldestAge.toSeconds());
        if (relay.lastFailure() != null) {
            response.withData("lastFailure", relay.lastFailure());
        }
        return response.status(!stalled).build();
    }
}
