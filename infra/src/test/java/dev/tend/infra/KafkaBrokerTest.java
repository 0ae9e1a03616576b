package dev.tend.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private static final String TOPIC = "tend.test.visits";

    private static Path root;

    @BeforeAll
    static void createRoot() {
        root = TestDirectories.fresh("kafka");
    }

    @AfterAll
    static void deleteRoot() {
        TestDirectories.delete(root);
    }

    @Test
    void shouldKeepTopicsAndRecordsAcrossStopAndRestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(root.resolve("broker"), 0)) {
            String bootstrap = broker.bootstrapServers();
            broker.createTopics(Map.of(TOPIC, 3));
            broker.createTopics(Map.of(TOPIC, 3));
            produce(broker, "customer-1", "visit booked");
            assertEquals(List.of("visit booked"), consumeAll(broker));

            broker.stop();
            assertFalse(broker.isRunning());
            broker.restart();

            assertTrue(broker.isRunning());
            assertEquals(bootstrap, broker.bootstrapServers());
            assertEquals(3, describe(broker).partitions().size());
            assertEquals(List.of("visit booked"), consumeAll(broker));
        }
    }

    @Test
    void shouldCreateTheContractTopicsAndSurviveAKill() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(root.resolve("killed"), 0)) {
            broker.createTopics(Topics.all());
            broker.kill();
            assertFalse(broker.isRunning());
            broker.restart();

            try (Admin admin = admin(broker)) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                Topics.all().forEach(spec -> assertTrue(names.contains(spec.name()), spec.name()));
            }
        }
    }

    @Test
    void shouldSendBrokerLogsThroughLog4jToAFileInTheDataDirectory() throws Exception {
        Path dataDir = root.resolve("logging");
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0)) {
            assertTrue(broker.isRunning());
        }

        assertTrue(Files.exists(dataDir.resolve("broker.log")));
        String console = Files.readString(dataDir.resolve("broker.out"));
        assertFalse(console.contains("SLF4J"), "the broker has an SLF4J provider: " + console);
        assertFalse(console.contains("StatusLogger"), "log4j2 found its configuration: " + console);
    }

    private static void produce(KafkaBroker broker, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(KafkaBroker broker) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static TopicDescription describe(KafkaBroker broker) throws Exception {
        try (Admin admin = admin(broker)) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
        }
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
