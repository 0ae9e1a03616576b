package dev.tend.followup.service;

import dev.tend.followup.FollowupConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/** Polls for due tasks and fires them; a full batch is followed at once by the next. */
@ApplicationScoped
public class TaskScheduler {

    private static final Logger LOG = Logger.getLogger(TaskScheduler.class);

    private final TaskFiring firing;
    private final FollowupConfig config;
    private volatile boolean running;
    private volatile Instant lastSuccessfulPass;
    private Thread worker;

    public TaskScheduler(TaskFiring firing, FollowupConfig config) {
        this.firing = firing;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.scheduler().enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::pollLoop, "followup-scheduler");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Wall-clock time of the last pass that completed; null when the scheduler does not run. */
    public Instant lastSuccessfulPass() {
        return running ? lastSuccessfulPass : null;
    }

    private void pollLoop() {
        boolean failing = false;
        while (running) {
            try {
                int fired = firing.fireDue(config.scheduler().batchSize());
                lastSuccessfulPass = Instant.now();
                if (failing) {
                    LOG.info("Scheduler recovered");
                    failing = false;
                }
                if (fired < config.scheduler().batchSize()) {
                    pause(config.scheduler().pollInterval());
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Scheduler cannot fire tasks, retrying: %s", e.getMessage());
                    failing = true;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
