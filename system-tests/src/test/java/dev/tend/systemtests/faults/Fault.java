package dev.tend.systemtests.faults;

import dev.tend.infra.ServiceProcess;
import dev.tend.infra.TendSystem;

import java.time.Duration;
import java.util.function.Function;

/**
 * One fault of issue #7, injected into a running system and recovered from. {@link #inject} returns once the
 * system is whole again: the service restarted and ready, the broker or database back, the provider answering.
 */
enum Fault {

    KILL_CUSTOMER_SERVICE("kill -9 customer-service", TendSystem::customerService),
    KILL_FOLLOWUP_SERVICE("kill -9 followup-service", TendSystem::followupService),
    KILL_NOTIFICATION_SERVICE("kill -9 notification-service", TendSystem::notificationService),
    BROKER_STOPPED("Kafka broker stopped", null),
    POSTGRES_RESTARTED("PostgreSQL restarted", null),
    SMS_ANSWERS_500("SMS provider answers 500", null),
    SMS_TIMES_OUT("SMS provider times out", null),
    SMTP_DOWN("SMTP server down", null);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final String description;
    private final Function<TendSystem, ServiceProcess> service;

    Fault(String description, Function<TendSystem, ServiceProcess> service) {
        this.description = description;
        this.service = service;
    }

    /** A kill lasts as long as the restart takes; every other fault is held for {@code hold}. */
    boolean isHeld() {
        return service == null;
    }

    void inject(TendSystem system, Duration hold, ServiceMetrics metrics, Duration smsTimeout) {
        switch (this) {
            case KILL_CUSTOMER_SERVICE, KILL_FOLLOWUP_SERVICE, KILL_NOTIFICATION_SERVICE -> {
                ServiceProcess victim = service.apply(system);
                metrics.scrape(victim);
                victim.kill();
                metrics.carryOver(victim);
                victim.restart();
                victim.awaitReady(READY_TIMEOUT);
            }
            case BROKER_STOPPED -> {
                system.kafka().stop();
                idle(hold);
                system.kafka().restart();
            }
            case POSTGRES_RESTARTED -> {
                system.postgres().stop();
                idle(hold);
                system.postgres().restart();
            }
            case SMS_ANSWERS_500 -> {
                system.smsStandIn().failWith(500);
                idle(hold);
                system.smsStandIn().recover();
            }
            case SMS_TIMES_OUT -> {
                // Longer than the service waits: each message is accepted all the same, and must be reconciled.
                system.smsStandIn().delayResponses(smsTimeout.plusSeconds(2));
                idle(hold);
                system.smsStandIn().recover();
            }
            case SMTP_DOWN -> {
                system.mailCatcher().stop();
                idle(hold);
                system.mailCatcher().restart();
            }
        }
    }

    /** The fault is held while the load goes on: nothing to poll, only time to let pass. */
    static void idle(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while holding a fault", e);
        }
    }
}
