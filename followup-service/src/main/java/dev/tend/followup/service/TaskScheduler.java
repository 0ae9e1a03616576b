package dev.tend.followup.service;

import dev.tend.followup.FollowupConfig;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;

/** Polls for due tasks and fires them; a full batch is followed at once by the next. */
@ApplicationScoped
public class TaskScheduler {

    private final TaskFiring firing;
    private final FollowupConfig config;
    private PollingLoop loop;

    public TaskScheduler(TaskFiring firing, FollowupConfig config) {
        this.firing = firing;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.scheduler().enabled()) {
            loop = new PollingLoop("followup-scheduler", () -> firing.fireDue(config.scheduler().batchSize()),
                    config.scheduler().batchSize(), config.scheduler().pollInterval(), Duration.ofSeconds(1));
            loop.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Wall-clock time of the last pass that completed; null when the scheduler does not run. */
    public Instant lastSuccessfulPass() {
        return loop == null ? null : loop.lastSuccessfulPass();
    }
}
