package dev.tend.benchmarks;

import dev.tend.infra.TendSystem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox relay (in customer-service) against Kafka's own producer benchmark on the same broker, with
 * the same record size, acks=all and idempotence: how fast a backlog drains, and how soon a committed
 * event is visible to a consumer at a steady rate.
 */
final class OutboxBenchmark {

    static final String TOPIC = "tend.benchmark";
    private static final Pattern PRODUCER_PERFORMANCE = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    record Result(int backlog, int recordBytes, double drainRate, double kafkaRate, double ratio, Latencies commitToVisible,
                  int steadyRate) {
    }

    private final TendSystem system;
    private final Settings settings;

    OutboxBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    /** A record the size of a real VisitRecorded envelope, with the moment its row was committed. */
    static String payload(String key) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"VisitRecorded\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"" + Instant.now() + "\",\"customerId\":\"" + key + "\",\"correlationId\":\""
                + UUID.randomUUID() + "\",\"data\":{\"visit\":{\"visitId\":\"" + UUID.randomUUID() + "\",\"customerId\":\""
                + key + "\",\"petId\":null,\"visitType\":\"wellness\",\"reason\":\"annual check-up\",\"staffMember\":"
                + "\"Dr. Bench\",\"visitedAt\":\"2026-11-20T10:00:00Z\",\"recheckDate\":null,\"outcome\":null,"
                + "\"notes\":\"a benchmark record padded to the size of a real one\",\"version\":0}},\"committedAtMicros\":"
                + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) + "}";
    }

    Result run() throws Exception {
        int recordBytes = payload(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8).length;
        double[] drain = new double[settings.runs()];
        double[] kafka = new double[settings.runs()];
        for (int run = 0; run < settings.runs(); run++) {
            kafka[run] = producerPerformance(settings.outboxBacklog(), recordBytes);
            drain[run] = drain(settings.outboxBacklog());
        }
        double drainRate = Latencies.median(drain);
        double kafkaRate = Latencies.median(kafka);
        return new Result(settings.outboxBacklog(), recordBytes, drainRate, kafkaRate, drainRate / kafkaRate,
                commitToVisible(), settings.steadyRatePerSecond());
    }

    /** Loads a backlog in one transaction, then times the relay until the outbox is empty. */
    private double drain(int rows) throws SQLException, InterruptedException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload)
                    SELECT gen_random_uuid(), ?, 'bench-' || (n % 500), 'Benchmark', ? FROM generate_series(1, ?) n""")) {
                insert.setString(1, TOPIC);
                insert.setString(2, payload(UUID.randomUUID().toString()));
                insert.setInt(3, rows);
                insert.executeUpdate();
            }
            try (Statement notify = connection.createStatement()) {
                notify.execute("SELECT pg_notify('tend_outbox', '')");
            }
            connection.commit();
            long start = System.nanoTime();
            connection.setAutoCommit(true);
            while (backlog(connection) > 0) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** org.apache.kafka.tools.ProducerPerformance in a JVM of its own; its records/sec. */
    private double producerPerformance(int records, int recordBytes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + system.kafka().bootstrapServers(),
                "acks=all", "enable.idempotence=true", "linger.ms=5", "compression.type=lz4"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher last = null;
        Matcher matcher = PRODUCER_PERFORMANCE.matcher(output);
        while (matcher.find()) {
            last = PRODUCER_PERFORMANCE.matcher(matcher.group());
            last.find();
        }
        if (last == null || Long.parseLong(last.group(1)) != records) {
            throw new IllegalStateException("ProducerPerformance did not report a full run:\n" + output);
        }
        return Double.parseDouble(last.group(2));
    }

    /** One row per transaction at a steady rate; a consumer measures commit to visibility. */
    private Latencies commitToVisible() throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", system.kafka().bootstrapServers(), "group.id", "bench-" + UUID.randomUUID(),
                "auto.offset.reset", "latest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
             Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, 'Benchmark', ?)");
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('tend_outbox', '')")) {
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            int total = (int) (settings.steadyRatePerSecond() * settings.measure().toSeconds());
            long interval = 1_000_000_000L / settings.steadyRatePerSecond();
            long start = System.nanoTime();
            int sent = 0;
            long deadline = start + settings.measure().toNanos() + Duration.ofSeconds(30).toNanos();
            while (latencies.size() < total && System.nanoTime() < deadline) {
                while (sent < total && System.nanoTime() >= start + sent * interval) {
                    String key = "steady-" + (sent % 100);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, TOPIC);
                    insert.setString(3, key);
                    insert.setString(4, payload(key));
                    insert.execute();
                    notify.executeQuery().close();
                    sent++;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(2))) {
                    if (record.key().startsWith("steady-")) {
                        long committed = Long.parseLong(record.value().replaceAll(".*\"committedAtMicros\":(\\d+)}$", "$1"));
                        latencies.add((ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) - committed) * 1000);
                    }
                }
            }
        }
        return new Latencies(latencies);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(system.postgres().jdbcUrl("customer"), system.postgres().username(),
                system.postgres().password());
    }

    private static long backlog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM outbox_message")) {
            result.next();
            return result.getLong(1);
        }
    }
}
