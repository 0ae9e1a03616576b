package dev.tend.followup.observability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The scheduler as ops see it: tasks due and waiting, every decision taken on a task (fired, on the worklist,
 * expired, cancelled, suppressed...), and how late tasks fire after they were due.
 */
@ApplicationScoped
public class TaskMetrics {

    private final MeterRegistry registry;
    private final Timer lateness;

    public TaskMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.lateness = Timer.builder("tend.tasks.firing.lateness")
                .description("From a task's due time to its firing")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("tend.tasks.due", dataSource, TaskMetrics::dueNow)
                .description("Pending tasks whose time has come").register(registry);
    }

    /** A decision recorded on a task's timeline, by kind. */
    public void decided(String kind) {
        registry.counter("tend.tasks", "event", kind).increment();
    }

    public void fired(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    private static double dueNow(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM followup_task WHERE status = 'PENDING' AND due_at <= now()")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
