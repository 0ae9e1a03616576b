package dev.tend.followup.service;

import dev.tend.followup.FollowupConfig;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Polls for due tasks and fires them; a full batch is followed at once by the next. Several loops run per
 * instance: while one waits for the database, another fires its own claim (SKIP LOCKED keeps claims apart).
 */
@ApplicationScoped
public class TaskScheduler {

    private final TaskFiring firing;
    private final FollowupConfig config;
    private final List<PollingLoop> loops = new ArrayList<>();

    public TaskScheduler(TaskFiring firing, FollowupConfig config) {
        this.firing = firing;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.scheduler().enabled()) {
            for (int i = 1; i <= config.scheduler().threads(); i++) {
                PollingLoop loop = new PollingLoop("followup-scheduler-" + i,
                        () -> firing.fireDue(config.scheduler().batchSize()), config.scheduler().batchSize(),
                        config.scheduler().pollInterval(), Duration.ofSeconds(1));
                loops.add(loop);
                loop.start();
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(PollingLoop::stop);
    }

    /** The oldest of the loops' last completed passes (one stuck loop is a stuck scheduler); null when none runs. */
    public Instant lastSuccessfulPass() {
        return loops.stream().map(PollingLoop::lastSuccessfulPass).min(Comparator.naturalOrder()).orElse(null);
    }
}
