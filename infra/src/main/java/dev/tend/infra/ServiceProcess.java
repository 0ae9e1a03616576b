package dev.tend.infra;

import dev.tend.infra.ChildProcess.StopSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) running in a JVM of its own, so that
 * system tests can kill and restart it like a real deployment. Its output is appended to one log file across
 * restarts. If this JVM exits normally, a shutdown hook stops it; if it is killed, the kernel sends it SIGTERM.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final String name;
    private final Path jar;
    private final int httpPort;
    private final Map<String, String> systemProperties;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ChildProcess process;

    private ServiceProcess(String name, Path jar, int httpPort, Map<String, String> systemProperties, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
        this.systemProperties = systemProperties;
        this.logFile = logFile;
    }

    /**
     * Starts {@code quarkusRunJar} with the given system properties, listening on {@code httpPort} (0 picks a free
     * port, kept across restarts; {@code quarkus.http.port} is set to it unless given). Returns without waiting:
     * call {@link #awaitReady(Duration)}.
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, int httpPort,
            Map<String, String> systemProperties, Path logFile) {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalArgumentException(quarkusRunJar + " does not exist: package " + name + " first");
        }
        int port = httpPort == 0 ? FreePorts.pick() : httpPort;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.putAll(systemProperties);
        ServiceProcess service = new ServiceProcess(name, quarkusRunJar.toAbsolutePath(), port, Map.copyOf(properties),
                logFile.toAbsolutePath());
        service.launch();
        return service;
    }

    /** Polls {@code /q/health/ready} until it answers 200; throws with the log's tail on timeout or exit. */
    public void awaitReady(Duration timeout) {
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            ChildProcess current = current();
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready\n" + LogTail.of(logFile));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            Pause.of(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (last answer: "
                + last + ")\n" + LogTail.of(logFile));
    }

    /** Where the service's output goes, across restarts. */
    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** SIGTERM, so Quarkus shuts down gracefully; SIGKILL if it has not exited within 30 s. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** SIGKILL, as a crash or the OOM killer would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Starts the service again with the same settings; stops it first if it still runs. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized ChildProcess current() {
        return process;
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(JVM_OPTIONS);
        String profileDir = System.getenv("TEND_PROFILE_DIR");
        if (profileDir != null && !profileDir.isBlank()) {
            // Profiling a benchmark: a JFR recording per service launch, written when the service stops.
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(profileDir, name + "-" + System.currentTimeMillis() + ".jfr").toAbsolutePath());
        }
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + " ===\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + logFile, e);
        }
        process = ChildProcess.start(name, command, Path.of("").toAbsolutePath(), logFile, Map.of(), false,
                StopSignal.TERM, STOP_GRACE);
    }
}
