package dev.tend.notification.service;

import dev.tend.notification.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.tend.platform.PollingLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@link MessageDelivery} from a thread of its own: the mailer and the SMS provider block, and blocking
 * inside a Kafka consumer's ordered context would wait on that same context forever.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private final MessageDelivery delivery;
    private final NotificationConfig config;
    private final List<PollingLoop> loops = new ArrayList<>();

    public DeliveryDispatcher(MessageDelivery delivery, NotificationConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().enabled()) {
            // Sending waits on the provider: while one loop waits, another sends its own claim (SKIP LOCKED).
            for (int i = 1; i <= config.dispatcher().threads(); i++) {
                PollingLoop loop = new PollingLoop("delivery-dispatcher-" + i, delivery::deliverDue,
                        config.dispatcher().batchSize(), config.dispatcher().pollInterval(), Duration.ofSeconds(1));
                loops.add(loop);
                loop.start();
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(PollingLoop::stop);
    }
}
