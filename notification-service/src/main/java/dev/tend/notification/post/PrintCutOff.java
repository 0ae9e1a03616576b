package dev.tend.notification.post;

import dev.tend.notification.NotificationConfig;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/** Makes a print job from the postcards waiting, at every cut-off, on a thread of its own (photos are fetched over HTTP). */
@ApplicationScoped
public class PrintCutOff {

    private static final Duration MAX_FAILURE_WAIT = Duration.ofSeconds(30);

    private final PrintJobs jobs;
    private final NotificationConfig config;
    private PollingLoop loop;

    public PrintCutOff(PrintJobs jobs, NotificationConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.print().cutOffEnabled()) {
            // A pass that made a job is not followed at once: one job per cut-off. A failed pass (the database
            // restarting) is tried again within 30 s, but never later than the next cut-off would have come.
            Duration interval = config.print().cutOffInterval();
            Duration failureWait = interval.compareTo(MAX_FAILURE_WAIT) < 0 ? interval : MAX_FAILURE_WAIT;
            loop = new PollingLoop("print-cut-off", () -> {
                jobs.cutOff();
                return 0;
            }, 1, interval, failureWait);
            loop.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }
}
