package dev.tend.followup.observability;

import dev.tend.followup.FollowupConfig;
import dev.tend.followup.service.TaskScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/** Reports a scheduler that has stopped completing passes: due follow-ups would silently not go out. */
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

    private static final Duration STALL_AFTER = Duration.ofSeconds(60);

    private final TaskScheduler scheduler;
    private final FollowupConfig config;

    public SchedulerHealthCheck(TaskScheduler scheduler, FollowupConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.scheduler().enabled()) {
            return HealthCheckResponse.named("followup-scheduler").up().withData("scheduler", "disabled").build();
        }
        Instant lastPass = scheduler.lastSuccessfulPass();
        long secondsSince = lastPass == null ? -1 : Duration.between(lastPass, Instant.now()).toSeconds();
        boolean stalled = lastPass == null || secondsSince > STALL_AFTER.toSeconds();
        return HealthCheckResponse.named("followup-scheduler").status(!stalled)
                .withData("secondsSinceLastPass", secondsSince).build();
    }
}
