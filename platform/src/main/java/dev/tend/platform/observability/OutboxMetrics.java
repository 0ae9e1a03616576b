package dev.tend.platform.observability;

import dev.tend.platform.messaging.OutboxBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The outbox as ops see it: how many events wait and for how long (read when scraped), how many were
 * published, and how long from commit to Kafka's acknowledgement.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final OutboxBacklog backlog;
    private Timer commitToAck;

    public OutboxMetrics(MeterRegistry registry, OutboxBacklog backlog) {
        this.registry = registry;
        this.backlog = backlog;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("tend.outbox.backlog", this, metrics -> metrics.measured(OutboxBacklog.Snapshot::size))
                .description("Events written but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("tend.outbox.oldest.age.seconds", this,
                        metrics -> metrics.measured(snapshot -> snapshot.oldestAge().toMillis() / 1000.0))
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

    private double measured(ToDoubleFunction<OutboxBacklog.Snapshot> value) {
        try {
            return value.applyAsDouble(backlog.measure());
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
