package dev.tend.benchmarks;

import java.time.Duration;

/** How big a run is: the full one that BENCHMARKS.md reports, or a quick one that only keeps the code working. */
record Settings(boolean quick, int runs, Duration measure, int concurrency, int customers, int outboxBacklog,
                int steadyRatePerSecond, int schedulerTasks, int scaleDueTasks, int scalePendingTasks,
                int consoleWorklistItems) {

    static Settings fullRun() {
        return new Settings(false, 3, Duration.ofSeconds(15), 16, 200, 100_000, 200, 10_000, 10_000, 1_000_000, 200);
    }

    static Settings quickRun() {
        return new Settings(true, 1, Duration.ofSeconds(2), 4, 10, 2_000, 50, 300, 300, 3_000, 10);
    }
}
