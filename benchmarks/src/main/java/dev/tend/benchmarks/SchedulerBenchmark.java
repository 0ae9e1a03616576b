package dev.tend.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tend.infra.ServiceProcess;
import dev.tend.infra.TendSystem;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * followup-service's scheduler (claims with FOR UPDATE SKIP LOCKED, fires each task in the claiming
 * transaction: timeline entry, touch, NotificationRequested in the outbox) with one and two instances,
 * against db-scheduler (lock-and-fetch polling) firing the same number of one-time tasks that each write a
 * row, on the same PostgreSQL in the same run.
 */
final class SchedulerBenchmark {

    record Result(int tasks, double oneInstance, double twoInstances, double dbScheduler, long duplicates,
                  double latenessP50Millis, double latenessP99Millis) {
    }

    private final TendSystem system;
    private final Settings settings;

    SchedulerBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    Result run() throws Exception {
        int tasks = settings.schedulerTasks();
        String customerId = consentedHousehold(system, "scheduler.bench@example.com");
        // Only the scheduler is measured: notification-service would otherwise send every message on the same cores.
        system.notificationService().stop();
        ServiceProcess second = null;
        try (Connection followup = connect("followup")) {
            double[] one = new double[settings.runs()];
            double[] two = new double[settings.runs()];
            double[] reference = new double[settings.runs()];
            long duplicates = 0;
            double[] lateness = {Double.NaN, Double.NaN};
            for (int run = 0; run < settings.runs(); run++) {
                reference[run] = dbScheduler(tasks);
                String batch = "bench-one-" + UUID.randomUUID();
                one[run] = fire(followup, customerId, batch, tasks);
                duplicates += duplicates(followup, batch);
                if (second == null) {
                    second = secondFollowupInstance();
                }
                batch = "bench-two-" + UUID.randomUUID();
                two[run] = fire(followup, customerId, batch, tasks);
                duplicates += duplicates(followup, batch);
                lateness = lateness(followup, batch);
            }
            return new Result(tasks, Latencies.median(one), Latencies.median(two), Latencies.median(reference),
                    duplicates, lateness[0], lateness[1]);
        } finally {
            if (second != null) {
                second.stop();
            }
            system.notificationService().restart();
            system.notificationService().awaitReady(Duration.ofSeconds(120));
        }
    }

    /** A household with email consent, once followup-service knows it. */
    static String consentedHousehold(TendSystem system, String email) throws Exception {
        String id = Http.id(Http.post(system.customerService().baseUrl() + "/customers",
                "{\"name\":\"Scheduler Bench\",\"emails\":[\"" + email + "\"],\"timezone\":\"Europe/London\","
                        + "\"locale\":\"en-GB\",\"consents\":[{\"channel\":\"EMAIL\",\"granted\":true}]}").body());
        try (Connection followup = DriverManager.getConnection(system.postgres().jdbcUrl("followup"),
                system.postgres().username(), system.postgres().password())) {
            while (count(followup, "SELECT count(*) FROM customer_profile WHERE customer_id = '" + id + "'") == 0) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return id;
    }

    /** Inserts {@code tasks} due tasks in one transaction and times the instances until none is pending. */
    private static double fire(Connection followup, String customerId, String batch, int tasks) throws SQLException, InterruptedException {
        try (PreparedStatement insert = followup.prepareStatement("""
                INSERT INTO followup_task (id, customer_id, rule, channel, channels, template_key, priority, priority_rank,
                    window_kind, service_message, status, due_at, created_at, version, correlation_id)
                SELECT gen_random_uuid(), CAST(? AS uuid), ?, 'EMAIL', 'EMAIL', 'visit-thank-you', 'CLINICAL', 2,
                    'ANY', TRUE, 'PENDING', now() - n * interval '1 microsecond', now(), 0, ?
                FROM generate_series(1, ?) AS n""")) {
            insert.setString(1, customerId);
            insert.setString(2, batch);
            insert.setString(3, batch);
            insert.setInt(4, tasks);
            insert.executeUpdate();
        }
        long start = System.nanoTime();
        String pending = "SELECT count(*) FROM followup_task WHERE rule = '" + batch + "' AND status = 'PENDING'";
        while (count(followup, pending) > 0) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return tasks / ((System.nanoTime() - start) / 1e9);
    }

    /** Tasks of the batch fired more than once, or not fired at all: both must be 0. */
    private static long duplicates(Connection followup, String batch) throws SQLException {
        long firings = count(followup, "SELECT count(*) FROM task_event e JOIN followup_task t ON t.id = e.task_id "
                + "WHERE t.rule = '" + batch + "' AND e.kind = 'FIRED'");
        long tasks = count(followup, "SELECT count(*) FROM followup_task WHERE rule = '" + batch + "'");
        long unfired = count(followup, "SELECT count(*) FROM followup_task WHERE rule = '" + batch + "' AND status <> 'FIRED'");
        return (firings - tasks) + unfired;
    }

    private static double[] lateness(Connection followup, String batch) throws SQLException {
        try (Statement statement = followup.createStatement();
             ResultSet result = statement.executeQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY fired_at - due_at), "
                     + "percentile_cont(0.99) WITHIN GROUP (ORDER BY fired_at - due_at) FROM followup_task WHERE rule = '" + batch + "'")) {
            result.next();
            return new double[]{millis(result.getString(1)), millis(result.getString(2))};
        }
    }

    /** A PostgreSQL interval such as 00:00:01.234 in milliseconds. */
    private static double millis(String interval) {
        String[] parts = interval.split(":");
        return (Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Double.parseDouble(parts[2])) * 1000;
    }

    private ServiceProcess secondFollowupInstance() {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", system.postgres().jdbcUrl("followup"));
        properties.put("quarkus.datasource.username", system.postgres().username());
        properties.put("quarkus.datasource.password", system.postgres().password());
        properties.put("kafka.bootstrap.servers", system.kafka().bootstrapServers());
        properties.put("mp.jwt.verify.publickey", dev.tend.infra.DevTokens.publicKeyPem());
        // A local instance like the system's own: the development key is trusted on purpose, and nothing is rate-limited.
        properties.putAll(TendSystem.LOCAL_SECURITY);
        Path log = system.followupService().logFile().resolveSibling("followup-service-2.log");
        ServiceProcess second = ServiceProcess.start("followup-service-2",
                Path.of(System.getProperty("tend.project.root", ".")).resolve("followup-service/target/quarkus-app/quarkus-run.jar"),
                0, properties, log);
        second.awaitReady(Duration.ofSeconds(120));
        return second;
    }

    /** db-scheduler firing the same number of one-time tasks, each writing a row, with its lock-and-fetch polling. */
    private double dbScheduler(int tasks) throws Exception {
        system.postgres().createDatabaseIfMissing("dbscheduler");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(system.postgres().jdbcUrl("dbscheduler"));
        config.setUsername(system.postgres().username());
        config.setPassword(system.postgres().password());
        config.setMaximumPoolSize(12);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
                ddl.execute("""
                        CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL,
                          task_data BYTEA, execution_time TIMESTAMPTZ NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,
                          last_success TIMESTAMPTZ, last_failure TIMESTAMPTZ, consecutive_failures INT,
                          last_heartbeat TIMESTAMPTZ, version BIGINT NOT NULL, priority SMALLINT,
                          PRIMARY KEY (task_name, task_instance));
                        CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
                        CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
                        CREATE TABLE IF NOT EXISTS fired (instance TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now())""");
                ddl.execute("TRUNCATE scheduled_tasks, fired");
            }
            OneTimeTask<Void> task = Tasks.oneTime("bench-task").execute((instance, context) -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO fired (instance) VALUES (?)")) {
                    insert.setString(1, instance.getId());
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Scheduler scheduler = Scheduler.create(dataSource, task).threads(10)
                    .pollUsingLockAndFetch(0.5, 1.0).pollingInterval(Duration.ofMillis(500)).build();
            try (Connection connection = dataSource.getConnection(); Statement insert = connection.createStatement()) {
                insert.executeUpdate("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                        + "SELECT 'bench-task', 'i-' || n, now(), false, 1 FROM generate_series(1, " + tasks + ") n");
            }
            long start = System.nanoTime();
            scheduler.start();
            try (Connection connection = dataSource.getConnection()) {
                while (count(connection, "SELECT count(*) FROM fired") < tasks) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
            double rate = tasks / ((System.nanoTime() - start) / 1e9);
            scheduler.stop();
            return rate;
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(system.postgres().jdbcUrl(database), system.postgres().username(),
                system.postgres().password());
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
