package dev.tend.testsupport;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Produces and reads records on the shared test broker, as an outside system would. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** With record headers, as a traced producer sends them ({@code traceparent}, for one). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.shared().bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName(),
                "acks", "all"))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    public static void send(String topic, EventEnvelope envelope) {
        send(topic, envelope.customerId().toString(), Events.write(envelope));
    }

    /** Reads the topic from its start for up to {@code timeout}, returning every record seen. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout,
                                                               Predicate<List<ConsumerRecord<String, String>>> enough) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.shared().bootstrapServers(),
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !enough.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The envelopes on {@code topic} about one customer, in the order they were published. */
    public static List<EventEnvelope> eventsFor(String topic, UUID customerId, Duration timeout,
                                                Predicate<List<EventEnvelope>> enough) {
        List<EventEnvelope> found = new ArrayList<>();
        readAll(topic, timeout, records -> {
            found.clear();
            records.stream()
                    .filter(r -> customerId.toString().equals(r.key()))
                    .map(r -> Events.read(r.value()))
                    .forEach(found::add);
            return enough.test(found);
        });
        return found;
    }
}
