package dev.tend.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process that does not outlive the JVM that started it. A normal JVM exit stops it through a shutdown
 * hook; a JVM that is killed outright cannot run hooks, so the child is started under {@code setpriv --pdeathsig}
 * and the kernel sends it the stop signal when its parent goes away.
 */
final class ChildProcess {

    enum StopSignal { INT, TERM }

    static final int NOBODY = 65534;

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Duration KILL_WAIT = Duration.ofSeconds(15);

    // The kernel sends the parent-death signal when the *thread* that forked the child ends, not the process.
    // Forking from one long-lived thread ties the children to the JVM instead of to whichever caller started them.
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tend-child-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final Process process;
    private final StopSignal stopSignal;
    private final Duration stopGrace;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, StopSignal stopSignal, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.stopSignal = stopSignal;
        this.stopGrace = stopGrace;
        this.shutdownHook = new Thread(this::stop, "tend-stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} with its output appended to {@code logFile}. With {@code dropRoot}, a JVM running as
     * root runs the command as nobody; otherwise it runs as the JVM's own user.
     */
    static ChildProcess start(String name, List<String> command, Path workDir, Path logFile, Map<String, String> env,
            boolean dropRoot, StopSignal stopSignal, Duration stopGrace) {
        List<String> full = new ArrayList<>(wrapper(dropRoot && runningAsRoot(), stopSignal));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        try {
            Process process = LAUNCHER.submit(builder::start).get(30, TimeUnit.SECONDS);
            return new ChildProcess(name, process, stopSignal, stopGrace);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not start " + name + ": " + String.join(" ", full), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Starting " + name + " did not return within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + name, e);
        }
    }

    /** The java launcher of the running JVM, for children that are JVMs themselves. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> wrapper(boolean asNobody, StopSignal deathSignal) {
        if (!Files.isExecutable(SETPRIV)) {
            if (asNobody) {
                throw new IllegalStateException("Running as root, so this server must run as user nobody, which needs "
                        + SETPRIV + " (util-linux); install it or run as an ordinary user");
            }
            return List.of();
        }
        List<String> wrapper = new ArrayList<>(List.of(SETPRIV.toString()));
        if (asNobody) {
            wrapper.addAll(List.of("--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        wrapper.addAll(List.of("--pdeathsig", deathSignal.name(), "--"));
        return wrapper;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a command that is meant to finish by itself, and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            forgetHook();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /** Asks the process to shut down and waits; kills it if it has not exited within the grace period. */
    void stop() {
        if (process.isAlive()) {
            signal(stopSignal);
            if (!waitFor(process.toHandle(), stopGrace)) {
                kill();
            }
        }
        forgetHook();
    }

    /** SIGKILL, as a crash or the OOM killer would: the process and everything it started, without warning. */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            if (!waitFor(handle, KILL_WAIT)) {
                throw new IllegalStateException(name + " (pid " + handle.pid() + ") survived SIGKILL");
            }
        }
        forgetHook();
    }

    private void signal(StopSignal signal) {
        if (signal == StopSignal.TERM) {
            process.destroy();
            return;
        }
        try {
            // The shell's builtin kill, so that no procps package is needed.
            new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal.name() + " " + process.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private void forgetHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or about to, and finds the process gone.
        }
    }
}
