package dev.tend.systemtests.poison;

import dev.tend.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code tend.dead-letter} from where it ended when this reader was opened: only what a test caused. */
public final class DeadLetters implements AutoCloseable {

    /** One dead-lettered record, with the headers the platform's dead-letter strategy writes. */
    public record DeadLetter(String key, byte[] value, String reason, String sourceTopic, String cause) {

        /** The consumer that gave up: the platform puts its name before the reason. */
        public String consumer() {
            int colon = reason.indexOf(':');
            return colon < 0 ? "" : reason.substring(0, colon);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<DeadLetter> seen = new ArrayList<>();

    public DeadLetters(String bootstrapServers) {
        this(bootstrapServers, false);
    }

    /** @param fromStart read the whole topic, not only what arrives after this reader was opened */
    public DeadLetters(String bootstrapServers, boolean fromStart) {
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(),
                "enable.auto.commit", "false",
                "max.partition.fetch.bytes", Integer.toString(4 * 1024 * 1024)));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Everything dead-lettered since this reader was opened. */
    public synchronized List<DeadLetter> all() {
        // Polls until a poll brings nothing: reading a whole topic from its start takes more than one.
        for (int polls = 0; polls < 20; polls++) {
            var records = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<String, byte[]> record : records) {
                seen.add(new DeadLetter(record.key(), record.value(), header(record, "dead-letter-reason"),
                        header(record, "dead-letter-topic"), header(record, "dead-letter-cause")));
            }
            if (records.isEmpty() && polls > 0) {
                break;
            }
        }
        return List.copyOf(seen);
    }

    public List<DeadLetter> about(String key, String sourceTopic) {
        return all().stream().filter(d -> key.equals(d.key()) && sourceTopic.equals(d.sourceTopic())).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
