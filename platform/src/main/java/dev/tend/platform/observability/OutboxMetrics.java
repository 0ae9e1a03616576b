package dev.tend.platform.observability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The outbox as ops see it: how many events wait and for how long (read when scraped), how many were
 * published, and how long from commit to Kafka's acknowledgement.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private Timer commitToAck;

    public OutboxMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("tend.outbox.backlog", this, metrics -> metrics.query("SELECT count(*) FROM outbox_message"))
                .description("Events written but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("tend.outbox.oldest.age.seconds", this, metrics -> metrics.query(
                        "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_message"))
                .description("Age of the oldest unpublished event").register(registry);
        commitToAck = Timer.builder("tend.outbox.publish.latency")
                .description("From the outbox row's commit to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void published(int count, Duration oldestWait) {
        registry.counter("tend.outbox.published").increment(count);
        if (commitToAck != null) {
            commitToAck.record(oldestWait);
        }
    }

    private double query(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
