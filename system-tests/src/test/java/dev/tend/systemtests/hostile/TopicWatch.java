package dev.tend.systemtests.hostile;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What was published on some topics since the watch started: to prove that refused requests published nothing. */
public final class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, Long> start;

    public TopicWatch(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(),
                "enable.auto.commit", "false"));
        List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        start = consumer.endOffsets(partitions);
    }

    /** Every record published since the start, as "topic key type". */
    public List<String> published() {
        Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
        start.forEach(consumer::seek);
        List<String> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && start.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record.topic() + " " + record.key() + " " + typeOf(record.value()));
                }
            }
        }
        return records;
    }

    private static String typeOf(String value) {
        int at = value == null ? -1 : value.indexOf("\"type\":\"");
        return at < 0 ? "?" : value.substring(at + 8, value.indexOf('"', at + 8));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
