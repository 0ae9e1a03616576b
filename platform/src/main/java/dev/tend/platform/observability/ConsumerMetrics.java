package dev.tend.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** What became of each consumed record, per consumer: processed, duplicate, retried, dead-lettered. */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String consumer, String outcome) {
        registry.counter("tend.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
