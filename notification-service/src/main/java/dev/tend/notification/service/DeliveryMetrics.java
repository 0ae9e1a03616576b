package dev.tend.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** What ops watch: outcomes by channel, retries, sends whose outcome was unknown, and how slow providers are. */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void status(String channel, String status) {
        registry.counter("tend.notifications", "channel", channel, "status", status).increment();
    }

    public void retry(String channel) {
        registry.counter("tend.notification.retries", "channel", channel).increment();
    }

    /** A provider call whose outcome was unknown (a timeout after the request left). */
    public void ambiguous(String channel) {
        registry.counter("tend.notification.ambiguous", "channel", channel).increment();
    }

    /** @param outcome {@code found} (it had been sent: adopted, not resent) or {@code resent} */
    public void reconciled(String channel, String outcome) {
        registry.counter("tend.notification.reconciled", "channel", channel, "outcome", outcome).increment();
    }

    public void providerCall(String channel, String outcome, Duration took) {
        Timer.builder("tend.notification.provider.latency")
                .tags("channel", channel, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}
