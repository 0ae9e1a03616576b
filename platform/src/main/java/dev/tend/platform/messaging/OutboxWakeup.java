package dev.tend.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay as soon as a transaction that wrote to the outbox commits, by LISTENing on the channel
 * that {@link Outbox} notifies. It holds its own connection, outside the pool; when that connection is
 * lost it reconnects, and meanwhile the relay's fallback poll keeps events moving.
 */
@ApplicationScoped
public class OutboxWakeup {

    private static final Logger LOG = Logger.getLogger(OutboxWakeup.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final Semaphore signal = new Semaphore(0);
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final OutboxConfig config;
    private volatile boolean running;
    private Thread listener;

    public OutboxWakeup(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                        OutboxConfig config) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        listener = new Thread(this::listenLoop, "outbox-wakeup");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    void signal() {
        signal.release();
    }

    /** Waits until a commit notification arrives or the timeout passes, then forgets earlier notifications. */
    void await(Duration timeout) {
        try {
            signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            signal.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Outbox.WAKE_UP_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // Rows committed while no one listened are picked up at once.
                signal();
                while (running) {
                    var notifications = pg.getNotifications((int) config.pollInterval().toMillis());
                    if (notifications != null && notifications.length > 0) {
                        signal();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.debugf("Outbox wake-up connection lost (%s); relying on polling until it is back", e.getMessage());
                    sleep(RECONNECT_DELAY);
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
