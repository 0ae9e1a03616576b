package dev.tend.notification.service;

import dev.tend.notification.NotificationConfig;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * Drives {@link EmailDelivery} from a thread of its own: the mailer blocks, and blocking inside a Kafka
 * consumer's ordered context would wait on that same context forever.
 */
@ApplicationScoped
public class EmailDispatcher {

    private final EmailDelivery delivery;
    private final NotificationConfig config;
    private PollingLoop loop;

    public EmailDispatcher(EmailDelivery delivery, NotificationConfig config) {
        this.delivery = delivery;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().enabled()) {
            loop = new PollingLoop("email-dispatcher", delivery::deliverDue, config.dispatcher().batchSize(),
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
