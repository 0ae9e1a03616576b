package dev.tend.benchmarks;

import dev.tend.infra.TendSystem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler as the task table grows: the same number of due tasks fired by one instance while the table holds
 * few other pending tasks, and while it holds a million (a clinic group's next months), with the claim query's
 * plan and time in each case.
 */
final class ScaleBenchmark {

    /** One size: the fire rate, the claim query's median time over a few executions, and its plan. */
    record Size(int pending, int due, double fireRate, double claimMillis, List<String> plan) {
    }

    record Result(List<Size> sizes) {
    }

    private static final String CLAIM = """
            SELECT * FROM followup_task
            WHERE status = 'PENDING' AND due_at <= now()
            ORDER BY priority_rank, due_at
            LIMIT 200
            FOR UPDATE SKIP LOCKED""";

    private final TendSystem system;
    private final Settings settings;

    ScaleBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    Result run() throws Exception {
        String customerId = SchedulerBenchmark.consentedHousehold(system, "scale.bench@example.com");
        int due = settings.scaleDueTasks();
        List<Size> sizes = new ArrayList<>();
        system.notificationService().stop();
        try (Connection followup = connect()) {
            for (int pending : new int[]{due, settings.scalePendingTasks()}) {
                sizes.add(measure(followup, customerId, pending, due));
            }
        } finally {
            system.notificationService().restart();
            system.notificationService().awaitReady(Duration.ofSeconds(120));
        }
        return new Result(sizes);
    }

    /**
     * With the scheduler stopped: {@code pending - due} tasks due over the next 90 days and {@code due} due now;
     * the claim query timed and explained; then the scheduler started and timed from its first firing to its last.
     */
    private Size measure(Connection followup, String customerId, int pending, int due) throws Exception {
        system.followupService().stop();
        String batch = "bench-scale-" + UUID.randomUUID();
        try {
            insert(followup, customerId, batch, pending - due, "now() + (1 + n % 90) * interval '1 day' + n * interval '1 millisecond'");
            insert(followup, customerId, batch, due, "now() - n * interval '1 microsecond'");
            try (Statement analyze = followup.createStatement()) {
                analyze.execute("ANALYZE followup_task");
            }
            double[] claims = new double[5];
            List<String> plan = List.of();
            for (int i = 0; i < claims.length; i++) {
                plan = explain(followup);
                claims[i] = executionMillis(plan);
            }
            system.followupService().restart();
            double rate = fireRate(followup, batch);
            system.followupService().awaitReady(Duration.ofSeconds(120));
            return new Size(pending, due, rate, Latencies.median(claims), plan);
        } finally {
            try (Statement cleanUp = followup.createStatement()) {
                cleanUp.execute("DELETE FROM task_event WHERE task_id IN (SELECT id FROM followup_task WHERE rule = '" + batch + "')");
                cleanUp.execute("DELETE FROM followup_task WHERE rule = '" + batch + "'");
                cleanUp.execute("VACUUM ANALYZE followup_task");
            }
            if (!system.followupService().isRunning()) {
                system.followupService().restart();
                system.followupService().awaitReady(Duration.ofSeconds(120));
            }
        }
    }

    private static void insert(Connection followup, String customerId, String batch, int tasks, String dueAt) throws SQLException {
        if (tasks <= 0) {
            return;
        }
        try (PreparedStatement insert = followup.prepareStatement("""
                INSERT INTO followup_task (id, customer_id, rule, channel, channels, template_key, priority, priority_rank,
                    window_kind, service_message, status, due_at, created_at, version, correlation_id)
                SELECT gen_random_uuid(), CAST(? AS uuid), ?, 'EMAIL', 'EMAIL', 'visit-thank-you', 'CLINICAL', 2,
                    'ANY', TRUE, 'PENDING', %s, now(), 0, ?
                FROM generate_series(1, ?) AS n""".formatted(dueAt))) {
            insert.setString(1, customerId);
            insert.setString(2, batch);
            insert.setString(3, batch);
            insert.setInt(4, tasks);
            insert.executeUpdate();
        }
    }

    /** The claim's plan, executed in a transaction that is rolled back, so it locks and changes nothing for good. */
    private static List<String> explain(Connection followup) throws SQLException {
        List<String> plan = new ArrayList<>();
        followup.setAutoCommit(false);
        try (Statement statement = followup.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + CLAIM)) {
            while (rows.next()) {
                plan.add(rows.getString(1));
            }
        } finally {
            followup.rollback();
            followup.setAutoCommit(true);
        }
        return plan;
    }

    private static double executionMillis(List<String> plan) {
        return plan.stream().filter(line -> line.startsWith("Execution Time:"))
                .map(line -> Double.parseDouble(line.replaceAll("[^0-9.]", "")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no execution time in " + plan));
    }

    /**
     * Watched from outside, as the started scheduler works through the due tasks: from the first one seen fired to
     * none left due. (A pass stamps all its tasks with one instant, so the recorded firing times cannot say this.)
     */
    private static double fireRate(Connection followup, String batch) throws SQLException, InterruptedException {
        String left = "SELECT count(*) FROM followup_task WHERE rule = '" + batch + "' AND status = 'PENDING' AND due_at <= now()";
        long dueAtStart = SchedulerBenchmark.count(followup, left);
        long remaining = dueAtStart;
        while (remaining == dueAtStart) {
            TimeUnit.MILLISECONDS.sleep(10);
            remaining = SchedulerBenchmark.count(followup, left);
        }
        long firstSeen = System.nanoTime();
        long leftWhenFirstSeen = remaining;
        while (remaining > 0) {
            TimeUnit.MILLISECONDS.sleep(10);
            remaining = SchedulerBenchmark.count(followup, left);
        }
        return leftWhenFirstSeen / Math.max(0.001, (System.nanoTime() - firstSeen) / 1e9);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(system.postgres().jdbcUrl("followup"), system.postgres().username(),
                system.postgres().password());
    }
}
