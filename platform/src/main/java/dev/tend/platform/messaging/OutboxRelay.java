package dev.tend.platform.messaging;

import dev.tend.platform.PollingLoop;
import dev.tend.platform.observability.OutboxMetrics;
import dev.tend.platform.observability.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once Kafka has acknowledged them.
 *
 * <p>Several instances of a service may run: each batch takes a transaction-scoped advisory lock, so one
 * relay publishes at a time and per-customer order is kept (skipping locked rows instead would let a
 * second instance publish a customer's later event before the first instance's earlier one). Its liveness
 * is measured in wall-clock time, not the injectable business clock that tests move. A crash
 * between Kafka's ack and the delete republishes the batch: consumers dedupe on {@code eventId}.
 *
 * <p>A row written in traced work is published in a span of its own under that work's trace, whose context goes in
 * the record's W3C headers ({@code traceparent}, {@code tracestate}): the consumer continues the same trace, however
 * long the row waited.
 */
@ApplicationScoped
public class OutboxRelay {

    /** "tend-out" as a number: the advisory lock that makes one relay at a time publish. */
    private static final long RELAY_LOCK = 0x74656e642d6f7574L;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxWakeup wakeup;
    private final OutboxMetrics metrics;
    private final String bootstrapServers;
    private final Tracer tracer;

    private PollingLoop loop;
    private Producer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, OutboxWakeup wakeup, OutboxMetrics metrics,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, Tracer tracer) {
        this.dataSource = dataSource;
        this.tracer = tracer;
        this.config = config;
        this.wakeup = wakeup;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        loop = new PollingLoop("outbox-relay", this::publishBatch, config.batchSize(), config.pollInterval(),
                config.retryBackoff(), wakeup::await);
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** When the relay last completed a pass (published or found nothing to publish); null when it does not run. */
    public Instant lastSuccessfulPass() {
        return loop == null ? null : loop.lastSuccessfulPass();
    }

    public String lastFailure() {
        return loop == null ? null : loop.lastFailure();
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "acks", "all",
                "enable.idempotence", "true",
                "linger.ms", "5",
                "compression.type", "lz4",
                // Fail a batch within seconds when the broker is gone; the rows stay and are retried.
                "max.block.ms", "5000",
                "request.timeout.ms", "5000",
                "delivery.timeout.ms", "15000");
    }

    private int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryRelayLock(connection)) {
                    return 0;
                }
                List<OutboxRow> rows = fetch(connection);
                if (rows.isEmpty()) {
                    return 0;
                }
                send(rows);
                delete(connection, rows);
                Instant acknowledged = Instant.now();
                rows.forEach(row -> metrics.published(1, Duration.between(row.createdAt(), acknowledged)));
                return rows.size();
            }
        });
    }

    private static boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> fetch(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, event_id, topic, message_key, event_type, payload, created_at, traceparent, tracestate"
                        + " FROM outbox_message ORDER BY id LIMIT ?")) {
            statement.setInt(1, config.batchSize());
            try (ResultSet resultSet = statement.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (resultSet.next()) {
                    rows.add(new OutboxRow(resultSet.getLong(1), resultSet.getString(2), resultSet.getString(3),
                            resultSet.getString(4), resultSet.getString(5), resultSet.getString(6),
                            resultSet.getTimestamp(7).toInstant(),
                            new TraceContext(resultSet.getString(8), resultSet.getString(9))));
                }
                return rows;
            }
        }
    }

    /**
     * Sends a batch in order. A record that could not even be handed to the broker (no metadata while the
     * broker is down) fails its future at once; sending stops there, because a later record that got through
     * when the broker came back would reach the topic before it, breaking the customer's order. The whole
     * batch is retried; what already got through is delivered again, and consumers dedupe it.
     */
    private void send(List<OutboxRow> rows) throws InterruptedException, ExecutionException, TimeoutException {
        rows.stream().map(OutboxRow::topic).distinct().forEach(producer::partitionsFor);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>();
        boolean acknowledged = false;
        try {
            for (OutboxRow row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add(KafkaHeaders.EVENT_TYPE, row.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add(KafkaHeaders.EVENT_ID, row.eventId().getBytes(StandardCharsets.UTF_8));
                row.trace().asContext().ifPresent(parent -> {
                    Span span = publishSpan(row, parent);
                    spans.add(span);
                    W3CTraceContextPropagator.getInstance().inject(parent.with(span), record.headers(),
                            (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
                });
                Future<RecordMetadata> ack = producer.send(record);
                if (ack.isDone()) {
                    ack.get();
                }
                acks.add(ack);
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            acknowledged = true;
        } finally {
            for (Span span : spans) {
                if (!acknowledged) {
                    span.setStatus(StatusCode.ERROR, "not acknowledged; the batch is retried");
                }
                span.end();
            }
        }
    }

    /** From the moment the row was written, so the trace shows how long the event waited in the outbox. */
    private Span publishSpan(OutboxRow row, Context parent) {
        return tracer.spanBuilder(row.topic() + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setStartTimestamp(row.createdAt())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.message.id", row.eventId())
                .setAttribute("tend.event.type", row.type())
                .startSpan();
    }

    private static void delete(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM outbox_message WHERE id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            statement.executeUpdate();
        }
    }

    private record OutboxRow(long id, String eventId, String topic, String key, String type, String payload,
                             Instant createdAt, TraceContext trace) {
    }

}
