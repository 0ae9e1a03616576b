package dev.tend.notification.inbound;

import dev.tend.notification.NotificationConfig;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/** Deletes inbound messages and their attachments once they are older than {@code inbound.retention}. */
@ApplicationScoped
public class InboundRetention {

    private final InboundMessages messages;
    private final NotificationConfig config;
    private PollingLoop loop;

    public InboundRetention(InboundMessages messages, NotificationConfig config) {
        this.messages = messages;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.inbound().pruneEnabled()) {
            loop = new PollingLoop("inbound-retention", () -> {
                messages.prune();
                return 0;
            }, 1, config.inbound().pruneInterval(), Duration.ofMinutes(1));
            loop.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }
}
