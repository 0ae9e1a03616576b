package dev.tend.infra;

import dev.tend.infra.ChildProcess.StopSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server on 127.0.0.1, run from zonky's binaries as a child process. PostgreSQL refuses to
 * run as root, so a JVM running as root runs it as nobody (uid 65534) and hands the data directory to that user.
 * Authentication is trust: any password is accepted. The server's output goes to {@code <dataDir>.log} beside the
 * data directory, since initdb wants an empty one.
 * <p>
 * If this JVM exits normally, a shutdown hook stops the server; if it is killed, the kernel sends the postmaster
 * SIGINT (fast shutdown) through its parent-death signal.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    // The same cluster defaults whatever the host's locale and zone; clients still set their own session zone.
    private static final Map<String, String> ENV = Map.of("LC_ALL", "C", "TZ", "UTC");

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final Path home;
    private ChildProcess postmaster;

    private PostgresServer(Path dataDir, int port, Path home) {
        this.dataDir = dataDir;
        this.logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = port;
        this.home = home;
    }

    /** Starts a server on {@code dataDir}, creating the cluster if there is none yet; port 0 picks a free port. */
    public static PostgresServer start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        PostgresServer server = new PostgresServer(dir, port == 0 ? FreePorts.pick() : port, PostgresBinaries.home());
        server.prepareDataDir();
        server.launch();
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String username() {
        return USER;
    }

    /** Any password is accepted (trust authentication); this is the one to configure clients with. */
    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public void createDatabaseIfMissing(String name) {
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            // 42P04 duplicate_database, 23505 unique_violation: another caller created it in the meantime.
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    public synchronized boolean isRunning() {
        return postmaster != null && postmaster.isAlive();
    }

    /** Fast shutdown (SIGINT): open sessions are rolled back, and the call returns once the server has exited. */
    public synchronized void stop() {
        if (postmaster != null) {
            postmaster.stop();
            postmaster = null;
        }
    }

    /** Starts the server again on the same port and data; stops it first if it still runs. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** SIGKILL to the postmaster and its backends, as a crash would; {@link #restart()} recovers from the WAL. */
    public synchronized void kill() {
        if (postmaster != null) {
            postmaster.kill();
            postmaster = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void prepareDataDir() {
        boolean asRoot = ChildProcess.runningAsRoot();
        if (asRoot) {
            requireTraversableByOthers(dataDir.getParent(), "the data directory " + dataDir);
            requireTraversableByOthers(home, "the PostgreSQL binaries in " + home);
        }
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            if (asRoot) {
                giveToNobody();
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the PostgreSQL data directory " + dataDir, e);
        }
    }

    private static void requireTraversableByOthers(Path dir, String what) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("Running as root, so PostgreSQL runs as user nobody (uid "
                            + ChildProcess.NOBODY + "), which cannot reach " + what + ": " + p
                            + " is not traversable by others. Run chmod o+x " + p + ", or choose a directory under"
                            + " one that is (JUnit's @TempDir is not).");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the permissions of " + p, e);
            }
        }
    }

    private void giveToNobody() throws IOException {
        if (Files.getAttribute(dataDir, "unix:uid", LinkOption.NOFOLLOW_LINKS).equals(ChildProcess.NOBODY)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.toList()) {
                Files.setAttribute(p, "unix:uid", ChildProcess.NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", ChildProcess.NOBODY, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private void initdb() throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL cluster (no PG_VERSION);"
                        + " refusing to initialise a cluster in it");
            }
        }
        // --no-sync: a cluster that has just been created holds nothing worth an fsync of a thousand files.
        ChildProcess initdb = ChildProcess.start("initdb", List.of(home.resolve("bin/initdb").toString(),
                        "-D", dataDir.toString(), "-A", "trust", "-U", USER, "-E", "UTF-8", "--no-locale",
                        "--no-sync"),
                dataDir, logFile, ENV, true, StopSignal.TERM, Duration.ofSeconds(10));
        int exit = initdb.awaitExit(INITDB_TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("initdb failed with exit code " + exit + "\n" + LogTail.of(logFile));
        }
    }

    private void launch() {
        removeStalePidFile();
        postmaster = ChildProcess.start("postgres:" + port, List.of(home.resolve("bin/postgres").toString(),
                        "-D", dataDir.toString(),
                        "-p", Integer.toString(port),
                        "-c", "listen_addresses=" + HOST,
                        "-c", "unix_socket_directories=",
                        "-c", "max_connections=200"),
                dataDir, logFile, ENV, true, StopSignal.INT, STOP_GRACE);
        awaitReady();
    }

    /**
     * A postmaster that was killed leaves postmaster.pid behind. PostgreSQL copes with that by itself unless the
     * recorded pid has since been reused by another process, so a file whose pid is not a live postgres goes.
     */
    private void removeStalePidFile() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            Optional<ProcessHandle> owner = Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(true));
            if (owner.isPresent()) {
                // Typically the postmaster of a JVM that just died, still shutting down on its parent-death signal.
                try {
                    owner.get().onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("PostgreSQL (pid " + owner.get().pid() + ") is still running on "
                            + dataDir + "; stop it first", e);
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + pidFile, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                postmaster = null;
                throw new IllegalStateException("PostgreSQL exited during startup\n" + LogTail.of(logFile));
            }
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            Pause.of(Duration.ofMillis(100));
        }
        postmaster.kill();
        postmaster = null;
        throw new IllegalStateException("PostgreSQL did not accept connections within " + READY_TIMEOUT.toSeconds()
                + " s (last error: " + (last == null ? "none" : last.getMessage()) + ")\n" + LogTail.of(logFile), last);
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "5");
        // The driver directly rather than DriverManager, which cannot see drivers in some class-loader setups
        // (Quarkus tests among them).
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), props);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver rejected " + jdbcUrl(database));
        }
        return connection;
    }
}
