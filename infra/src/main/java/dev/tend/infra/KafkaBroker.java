package dev.tend.infra;

import dev.tend.contracts.Topics.TopicSpec;
import dev.tend.infra.ChildProcess.StopSignal;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka 4 broker in KRaft mode (broker and controller in one process), run in a JVM of its own
 * whose classpath is Kafka's alone, as recorded at build time; nothing of the caller's classpath leaks into it.
 * In {@code dataDir}: the generated server.properties, the logs in kraft-combined-logs/, Kafka's own WARN-level
 * log in broker.log and the JVM's console in broker.out.
 * <p>
 * If this JVM exits normally, a shutdown hook stops the broker; if it is killed, the kernel sends the broker
 * SIGTERM (a controlled shutdown) through its parent-death signal.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");
    private static final List<String> CLASSPATH_FILES = List.of("kafka-broker.classpath",
            "kafka-broker-shared.classpath");

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final Path serverProperties;
    private final Path log4jConfig;
    private final Path brokerLog;
    private final Path consoleLog;
    private final String classpath;
    private ChildProcess broker;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = dataDir.resolve("kraft-combined-logs");
        this.serverProperties = dataDir.resolve("server.properties");
        this.log4jConfig = dataDir.resolve("log4j2.properties");
        this.brokerLog = dataDir.resolve("broker.log");
        this.consoleLog = dataDir.resolve("broker.out");
        this.classpath = brokerClasspath();
    }

    /** Starts a broker on {@code dataDir}, formatting its storage if it has none yet; port 0 picks a free port. */
    public static KafkaBroker start(Path dataDir, int port) {
        KafkaBroker broker = new KafkaBroker(dataDir.toAbsolutePath().normalize(),
                port == 0 ? FreePorts.pick() : port, FreePorts.pick());
        broker.writeConfig();
        broker.formatIfNeeded();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Creates each topic with replication factor 1; topics that already exist are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(partitionsByTopic.entrySet().stream()
                .map(topic -> new TopicSpec(topic.getKey(), topic.getValue())).toList());
    }

    /** Creates each topic with its partitions and topic-level settings; topics that already exist are left as they are. */
    public void createTopics(List<TopicSpec> specs) {
        List<NewTopic> topics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
                .toList();
        try (Admin admin = admin()) {
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + created.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Creating topic " + created.getKey() + " timed out", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topics", e);
                }
            }
        }
    }

    public synchronized boolean isRunning() {
        return broker != null && broker.isAlive();
    }

    /** Controlled shutdown (SIGTERM); SIGKILL if the broker has not exited within 30 s. */
    public synchronized void stop() {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    /** Starts the broker again on the same ports and data; stops it first if it still runs. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** SIGKILL, as a crash would; {@link #restart()} recovers the logs. */
    public synchronized void kill() {
        if (broker != null) {
            broker.kill();
            broker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        // Static voters rather than a dynamic quorum: the voter's endpoint is then read from this file on every
        // start instead of being frozen into the metadata log at format time, so a reused data directory may
        // come up on other ports.
        config.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "5");
        config.put("group.initial.rebalance.delay.ms", "0");
        // After a kill the restarted controller refuses the broker's new registration until the old one's session
        // has expired: 9 s by default, which every fault test would wait out.
        config.put("broker.session.timeout.ms", "4000");
        config.put("broker.heartbeat.interval.ms", "1000");

        // Kafka 4 logs through log4j2; everything at WARN and above goes to broker.log, nothing to the console.
        List<String> log4j = List.of(
                "status = warn",
                // Log4j's own shutdown hook would close the log before Kafka's shutdown has finished logging.
                "shutdownHook = disable",
                "appender.file.type = File",
                "appender.file.name = FILE",
                "appender.file.fileName = " + brokerLog,
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.file.ref = FILE");
        try {
            Files.createDirectories(dataDir);
            Files.write(serverProperties, config.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
            Files.write(log4jConfig, log4j);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broker configuration into " + dataDir, e);
        }
    }

    private void formatIfNeeded() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ChildProcess format = ChildProcess.start("kafka-storage-format", javaCommand("kafka.tools.StorageTool",
                        "format", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString()),
                dataDir, consoleLog, Map.of(), false, StopSignal.TERM, Duration.ofSeconds(5));
        int exit = format.awaitExit(FORMAT_TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed with exit code " + exit + "\n"
                    + LogTail.of(consoleLog, brokerLog));
        }
    }

    private void launch() {
        broker = ChildProcess.start("kafka:" + port, javaCommand("kafka.Kafka", serverProperties.toString()),
                dataDir, consoleLog, Map.of(), false, StopSignal.TERM, STOP_GRACE);
        awaitReady();
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                broker = null;
                throw new IllegalStateException("The Kafka broker exited during startup\n"
                        + LogTail.of(consoleLog, brokerLog));
            }
            // Only ask with a client once the port is open, or the client fills the caller's log with
            // connection warnings.
            if (portOpen()) {
                try (Admin admin = admin()) {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes()
                            .get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
            }
            Pause.of(Duration.ofMillis(200));
        }
        broker.kill();
        broker = null;
        throw new IllegalStateException("The Kafka broker did not answer within " + READY_TIMEOUT.toSeconds()
                + " s (last error: " + (last == null ? "port never opened" : last.getMessage()) + ")\n"
                + LogTail.of(consoleLog, brokerLog), last);
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    /** Kafka's runtime classpath, written next to this class by the build (see infra/pom.xml). */
    private static String brokerClasspath() {
        List<String> entries = new ArrayList<>();
        for (String resource : CLASSPATH_FILES) {
            try (InputStream in = KafkaBroker.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing next to " + KafkaBroker.class.getName()
                            + ": tend-infra must be built by Maven, which writes it");
                }
                for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim()
                        .split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + resource, e);
            }
        }
        List<String> missing = entries.stream().filter(entry -> !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Kafka broker classpath names jars that are gone (rebuild tend-infra"
                    + " on this machine): " + missing);
        }
        return String.join(File.pathSeparator, entries);
    }
}
