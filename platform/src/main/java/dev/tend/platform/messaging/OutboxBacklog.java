package dev.tend.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** How many events wait in the outbox and since when: read by the readiness check and the metrics alike. */
@ApplicationScoped
public class OutboxBacklog {

    public record Snapshot(long size, Duration oldestAge) {
    }

    private final AgroalDataSource dataSource;

    public OutboxBacklog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot measure() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*), min(created_at) FROM outbox_message")) {
            result.next();
            Timestamp oldest = result.getTimestamp(2);
            return new Snapshot(result.getLong(1), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
        }
    }
}
