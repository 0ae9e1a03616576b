package dev.tend.benchmarks;

import dev.tend.infra.TendSystem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What customer-service's transaction for {@code POST /visits} does, as bare JDBC on customer-service's own
 * database: read the customer, insert the visit and its outbox row, notify, commit synchronously. The
 * reference that ingest and the whole pipeline are held to.
 */
final class JdbcVisitBaseline implements LoadGenerator.Operation {

    private final TendSystem system;
    private final List<String> customers;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    JdbcVisitBaseline(TendSystem system, List<String> customers) {
        this.system = system;
        this.customers = customers;
    }

    @Override
    public boolean run() throws SQLException {
        Connection connection = connection();
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        try (PreparedStatement read = connection.prepareStatement("SELECT timezone FROM customer WHERE id = ?");
             PreparedStatement insertVisit = connection.prepareStatement("""
                     INSERT INTO visit (id, customer_id, visit_type, reason, staff_member, visited_at, status, created_at, updated_at, version)
                     VALUES (?, ?, 'wellness', 'annual check-up', 'Dr. Bench', now(), 'recorded', now(), now(), 0)""");
             PreparedStatement insertOutbox = connection.prepareStatement("""
                     INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?)""");
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('tend_outbox', '')")) {
            read.setObject(1, UUID.fromString(customer));
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
            }
            insertVisit.setObject(1, UUID.randomUUID());
            insertVisit.setObject(2, UUID.fromString(customer));
            insertVisit.executeUpdate();
            insertOutbox.setObject(1, UUID.randomUUID());
            // A topic nothing consumes: the relay publishes these rows like any other, and no service acts on them.
            insertOutbox.setString(2, OutboxBenchmark.TOPIC);
            insertOutbox.setString(3, customer);
            insertOutbox.setString(4, "Benchmark");
            insertOutbox.setString(5, OutboxBenchmark.payload(customer));
            insertOutbox.executeUpdate();
            notify.executeQuery().close();
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = connections.get();
        if (connection == null) {
            connection = DriverManager.getConnection(system.postgres().jdbcUrl("customer"), system.postgres().username(),
                    system.postgres().password());
            connection.setAutoCommit(false);
            connections.set(connection);
        }
        return connection;
    }
}
