package dev.tend.platform;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * A background worker that repeats a pass (publish outbox rows, fire due tasks, send due messages) on a
 * thread of its own: at once while passes come back full, after {@code idleWait} when there was little to
 * do, after {@code failureWait} when a pass failed (the database or broker gone), logging the outage once
 * and the recovery once rather than every attempt.
 */
public final class PollingLoop {

    private final String name;
    private final IntSupplier pass;
    private final int fullPass;
    private final Duration idleWait;
    private final Duration failureWait;
    private final Consumer<Duration> waiter;
    private final Logger log;
    private volatile boolean running;
    private volatile Instant lastSuccessfulPass;
    private volatile String lastFailure;
    private Thread thread;

    /**
     * @param pass     does one unit of work and returns how many items it handled
     * @param fullPass a pass that handled this many items is followed at once by the next
     * @param waiter   how to wait between passes (a sleep, or a wait that a notification can cut short)
     */
    public PollingLoop(String name, IntSupplier pass, int fullPass, Duration idleWait, Duration failureWait,
                       Consumer<Duration> waiter) {
        this.name = name;
        this.pass = pass;
        this.fullPass = fullPass;
        this.idleWait = idleWait;
        this.failureWait = failureWait;
        this.waiter = waiter;
        this.log = Logger.getLogger(PollingLoop.class.getName() + "." + name);
    }

    public PollingLoop(String name, IntSupplier pass, int fullPass, Duration idleWait, Duration failureWait) {
        this(name, pass, fullPass, idleWait, failureWait, PollingLoop::sleep);
    }

    public synchronized void start() {
        running = true;
        lastSuccessfulPass = Instant.now();
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Wall-clock time of the last pass that completed; null when the loop does not run. */
    public Instant lastSuccessfulPass() {
        return running ? lastSuccessfulPass : null;
    }

    /** Why passes are failing now; null when the last pass succeeded. */
    public String lastFailure() {
        return lastFailure;
    }

    private void loop() {
        while (running) {
            try {
                int handled = pass.getAsInt();
                lastSuccessfulPass = Instant.now();
                if (lastFailure != null) {
                    log.infof("%s recovered", name);
                    lastFailure = null;
                }
                if (handled < fullPass) {
                    waiter.accept(idleWait);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (lastFailure == null) {
                    log.warnf("%s failed, retrying every %d ms: %s", name, failureWait.toMillis(), rootCause(e));
                }
                lastFailure = rootCause(e);
                waiter.accept(failureWait);
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
