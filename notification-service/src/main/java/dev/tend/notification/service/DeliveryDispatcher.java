package dev.tend.notification.service;

import dev.tend.notification.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.tend.platform.PollingLoop;

import java.time.Duration;

/**
 * Drives {@link MessageDelivery} from a thread of its own: the mailer and the SMS provider block, and blocking
 * inside a Kafka consumer's ordered context would wait on that same context forever.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private final MessageDelivery delivery;
    private final NotificationConfig config;
    private PollingLoop loop;

    public DeliveryDispatcher(MessageDelivery delivery, NotificationConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().enabled()) {
            loop = new PollingLoop("delivery-dispatcher", delivery::deliverDue, config.dispatcher().batchSize(),
                    config.dispatcher().pollInterval(), Duration.ofSeconds(1));
            loop.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }
}
