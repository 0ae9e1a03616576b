package dev.tend.systemtests;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.conversation.MessageKind;
import dev.tend.contracts.customer.ConsentChangeRequested;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.NotificationStatusChanged;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.poison.DeadLetters;
import dev.tend.systemtests.poison.DeadLetters.DeadLetter;
import dev.tend.systemtests.poison.PoisonRecord;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison records on every consumed topic: not JSON, bad UTF-8, a known type whose payload breaks its schema, a type
 * outside the contract, and a 900 KB record. Each one reaches {@code tend.dead-letter} with its reason, its source
 * topic and the consumer that gave up; the valid record sent after it, on the same partition, still takes effect.
 *
 * <p>An unknown type is dead-lettered, not skipped: every producer publishes only contract types, so a type outside
 * the contract is a producer newer than this consumer (or a bug), and dead-lettering keeps it to be replayed once the
 * consumer knows it. A known type that a consumer has no use for is ignored.
 */
class PoisonRecordsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, Set<String>> CONSUMERS = Map.of(
            Topics.CUSTOMER_EVENTS, Set.of("followup.customer-events", "notification.customer-events"),
            Topics.CONSENT_REQUESTS, Set.of("customer.consent-requests"),
            Topics.NOTIFICATION_REQUESTS, Set.of("notification.requests"),
            Topics.NOTIFICATION_STATUS, Set.of("followup.notification-status"),
            Topics.CUSTOMER_MESSAGES, Set.of("followup.customer-messages"));
    /** The type each topic's consumers all parse, for the poison records that must get as far as the payload. */
    private static final Map<String, String> PARSED_TYPE = Map.of(
            Topics.CUSTOMER_EVENTS, "CustomerRegistered",
            Topics.CONSENT_REQUESTS, "ConsentChangeRequested",
            Topics.NOTIFICATION_REQUESTS, "NotificationRequested",
            Topics.NOTIFICATION_STATUS, "NotificationStatusChanged",
            Topics.CUSTOMER_MESSAGES, "CustomerMessageReceived");
    private static final Map<String, Map<String, Object>> WRONG_PAYLOAD = Map.of(
            Topics.CUSTOMER_EVENTS, Map.of("customer", List.of(1, 2)),
            Topics.CONSENT_REQUESTS, Map.of("channel", "FAX", "granted", true, "source", "poison"),
            Topics.NOTIFICATION_REQUESTS, Map.of("notificationId", "not-a-uuid", "channel", "EMAIL"),
            Topics.NOTIFICATION_STATUS, Map.of("status", "EXPLODED"),
            Topics.CUSTOMER_MESSAGES, Map.of("messageId", "not-a-uuid", "kind", "SHOUT"));

    private static TendSystem system;
    private static DeadLetters deadLetters;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        deadLetters = new DeadLetters(system.kafka().bootstrapServers());
        producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", system.kafka().bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName(),
                "acks", "all"));
    }

    @AfterAll
    static void stop() {
        producer.close();
        deadLetters.close();
    }

    @Test
    void shouldDeadLetterEveryPoisonRecordOnEveryTopicAndProcessTheRecordAfterIt() {
        List<Household> households = new ArrayList<>();
        for (String kind : List.of("not JSON", "bad UTF-8", "wrong schema", "unknown type", "huge")) {
            households.add(Household.register(kind));
        }

        // tend.customer.events: followup-service plans from the visit, notification-service records the consent.
        for (Household h : households) {
            send(Topics.CUSTOMER_EVENTS, h, poison(Topics.CUSTOMER_EVENTS, h));
            customerService().body(Map.of("granted", true, "source", "poison-test"))
                    .put("/customers/" + h.id + "/consents/SMS").then().statusCode(200);
            customerService().body(Map.of("customerId", h.id.toString(), "visitType", "wellness", "reason", "a check-up",
                            "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                    .post("/visits").then().statusCode(201);
        }
        // tend.consent.requests: customer-service applies the request.
        for (Household h : households) {
            send(Topics.CONSENT_REQUESTS, h, poison(Topics.CONSENT_REQUESTS, h));
            send(Topics.CONSENT_REQUESTS, h, valid(h, new ConsentChangeRequested(h.id, Channel.POST, true, "poison-test", Instant.now())));
        }
        // tend.notification.requests: notification-service takes the request in.
        Map<Household, UUID> requested = new LinkedHashMap<>();
        for (Household h : households) {
            UUID notificationId = UUID.randomUUID();
            requested.put(h, notificationId);
            send(Topics.NOTIFICATION_REQUESTS, h, poison(Topics.NOTIFICATION_REQUESTS, h));
            send(Topics.NOTIFICATION_REQUESTS, h, valid(h, new NotificationRequested(notificationId, UUID.randomUUID(), h.id,
                    Channel.EMAIL, "visit-thank-you", new Recipient(h.name, h.email, null, null, "en-GB", "Europe/London"),
                    Map.of("customerName", h.name))));
        }

        for (Household h : households) {
            await("tasks planned for " + h.kind).atMost(WAIT).untilAsserted(() -> followupService()
                    .get("/customers/" + h.id + "/tasks").then().statusCode(200).body("rule", not(empty())));
            await("SMS consent known to notification-service for " + h.kind).atMost(WAIT)
                    .until(() -> smsConsentInNotificationService(h.id));
            await("POST consent applied for " + h.kind).atMost(WAIT).untilAsserted(() -> customerService()
                    .get("/customers/" + h.id + "/consents").then().body("find { it.channel == 'POST' }.granted", equalTo(true)));
            await("notification requested for " + h.kind).atMost(WAIT).untilAsserted(() -> notificationService()
                    .get("/notifications/" + requested.get(h)).then().statusCode(200));
        }

        // tend.customer.messages: followup-service puts the reply sent after the poison on the worklist.
        for (Household h : households) {
            send(Topics.CUSTOMER_MESSAGES, h, poison(Topics.CUSTOMER_MESSAGES, h));
            send(Topics.CUSTOMER_MESSAGES, h, valid(h, new CustomerMessageReceived(UUID.randomUUID(), h.id, Channel.EMAIL,
                    MessageKind.REPLY, h.email, "a reply after the poison", Instant.now(), List.of(), null, null, List.of())));
        }
        for (Household h : households) {
            await("reply on the worklist for " + h.kind).atMost(WAIT).untilAsserted(() -> followupService()
                    .get("/customers/" + h.id + "/tasks").then().statusCode(200).body("kind", hasItem("REPLY")));
        }

        // tend.notification.status: once the thank-you went out, a delivery report after the poison reaches the task.
        Map<Household, String> thankYouTasks = new HashMap<>();
        for (Household h : households) {
            await("thank-you sent for " + h.kind).atMost(WAIT).untilAsserted(() -> followupService()
                    .get("/customers/" + h.id + "/tasks").then()
                    .body("find { it.templateKey == 'visit-thank-you' }.deliveryStatus", equalTo("SENT")));
            String taskId = followupService().get("/customers/" + h.id + "/tasks").then().extract()
                    .path("find { it.templateKey == 'visit-thank-you' }.id");
            thankYouTasks.put(h, taskId);
            UUID task = UUID.fromString(taskId);
            send(Topics.NOTIFICATION_STATUS, h, poison(Topics.NOTIFICATION_STATUS, h));
            send(Topics.NOTIFICATION_STATUS, h, valid(h, new NotificationStatusChanged(task, task, h.id, Channel.EMAIL,
                    DeliveryStatus.DELIVERED, null, false, "poison-test")));
        }
        for (Household h : households) {
            await("delivery report applied for " + h.kind).atMost(WAIT).untilAsserted(() -> followupService()
                    .get("/customers/" + h.id + "/tasks").then()
                    .body("find { it.id == '" + thankYouTasks.get(h) + "' }.deliveryStatus", equalTo("DELIVERED")));
        }

        for (String topic : CONSUMERS.keySet()) {
            for (Household h : households) {
                PoisonRecord sent = h.poisons.get(topic);
                await("dead letters of " + sent.kind() + " on " + topic).atMost(WAIT).until(() ->
                        deadLetters.about(h.id.toString(), topic).size() >= CONSUMERS.get(topic).size());
                List<DeadLetter> dead = deadLetters.about(h.id.toString(), topic);
                assertEquals(CONSUMERS.get(topic), dead.stream().map(DeadLetter::consumer).collect(Collectors.toSet()),
                        sent.kind() + " on " + topic + ": " + reasons(dead));
                for (DeadLetter letter : dead) {
                    assertTrue(letter.reason().contains(sent.expectedReason()),
                            sent.kind() + " on " + topic + " should say '" + sent.expectedReason() + "': " + letter.reason());
                    if (!sent.kind().equals("bad UTF-8")) {
                        // The dead-letter producer writes strings: bytes that were never UTF-8 come back replaced.
                        assertArrayEquals(sent.value(), letter.value(), sent.kind() + " on " + topic + " kept whole");
                    }
                }
                System.out.printf("dead-lettered %-13s from %-27s by %s%n", sent.kind(), topic, reasons(dead));
            }
        }
    }

    @Test
    void shouldRefuseARecordAboveTheBrokersLimitAtTheProducerAndGoOn() {
        Household h = Household.register("above the limit");
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) 'x');

        ExecutionException byClient = assertThrows(ExecutionException.class, () -> producer.send(
                new ProducerRecord<>(Topics.CONSENT_REQUESTS, h.id.toString(), twoMegabytes)).get());
        assertInstanceOf(RecordTooLargeException.class, byClient.getCause(), "the producer's own max.request.size");

        try (KafkaProducer<String, byte[]> permissive = new KafkaProducer<>(Map.of(
                "bootstrap.servers", system.kafka().bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName(),
                "max.request.size", Integer.toString(8 * 1024 * 1024),
                "acks", "all"))) {
            ExecutionException byBroker = assertThrows(ExecutionException.class, () -> permissive.send(
                    new ProducerRecord<>(Topics.CONSENT_REQUESTS, h.id.toString(), twoMegabytes)).get());
            assertInstanceOf(RecordTooLargeException.class, byBroker.getCause(), "the broker's message.max.bytes");
        }

        send(Topics.CONSENT_REQUESTS, h, valid(h, new ConsentChangeRequested(h.id, Channel.POST, true, "poison-test", Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> customerService().get("/customers/" + h.id + "/consents")
                .then().body("find { it.channel == 'POST' }.granted", equalTo(true)));
        assertTrue(deadLetters.about(h.id.toString(), Topics.CONSENT_REQUESTS).isEmpty(), "nothing reached the topic");
    }

    /**
     * The largest record the broker takes: its dead-letter copy carries the reason and source headers on top, so the
     * copy must still fit, or the consumer could neither process nor dead-letter it.
     */
    @Test
    void shouldDeadLetterARecordJustUnderTheBrokersLimitAndGoOn() {
        Household h = Household.register("at the limit");
        byte[] atTheLimit = new byte[1_048_450];
        java.util.Arrays.fill(atTheLimit, (byte) 'x');
        producer.send(new ProducerRecord<>(Topics.CONSENT_REQUESTS, h.id.toString(), atTheLimit));
        send(Topics.CONSENT_REQUESTS, h, valid(h, new ConsentChangeRequested(h.id, Channel.POST, true, "poison-test", Instant.now())));

        await().atMost(WAIT).untilAsserted(() -> customerService().get("/customers/" + h.id + "/consents")
                .then().body("find { it.channel == 'POST' }.granted", equalTo(true)));
        await().atMost(WAIT).until(() -> !deadLetters.about(h.id.toString(), Topics.CONSENT_REQUESTS).isEmpty());
        DeadLetter dead = deadLetters.about(h.id.toString(), Topics.CONSENT_REQUESTS).get(0);
        assertTrue(dead.reason().startsWith("customer.consent-requests: record larger than"), dead.reason());
    }

    private static PoisonRecord poison(String topic, Household h) {
        PoisonRecord poison = switch (h.kind) {
            case "not JSON" -> PoisonRecord.notJson(h.id);
            case "bad UTF-8" -> PoisonRecord.badUtf8(h.id);
            case "wrong schema" -> PoisonRecord.wrongSchema(h.id, PARSED_TYPE.get(topic), WRONG_PAYLOAD.get(topic));
            case "unknown type" -> PoisonRecord.unknownType(h.id);
            case "huge" -> PoisonRecord.huge(h.id, PARSED_TYPE.get(topic));
            default -> throw new IllegalArgumentException(h.kind);
        };
        h.poisons.put(topic, poison);
        return poison;
    }

    private static byte[] valid(Household h, EventPayload payload) {
        return Events.write(Events.envelope(payload, h.id, Instant.now(), null)).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(String topic, Household h, PoisonRecord poison) {
        send(topic, h, poison.value());
    }

    private static void send(String topic, Household h, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, h.id.toString(), value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    private static String reasons(List<DeadLetter> dead) {
        return dead.stream().map(d -> d.reason().length() > 140 ? d.reason().substring(0, 140) + "…" : d.reason())
                .collect(Collectors.joining(" | "));
    }

    private static boolean smsConsentInNotificationService(UUID customerId) throws SQLException {
        try (Connection db = DriverManager.getConnection(system.postgres().jdbcUrl("notification"),
                system.postgres().username(), system.postgres().password());
             PreparedStatement query = db.prepareStatement(
                     "SELECT granted FROM recipient_consent WHERE customer_id = ? AND channel = 'SMS'")) {
            query.setObject(1, customerId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static RequestSpecification customerService() {
        return service(system.customerService().baseUrl());
    }

    private static RequestSpecification followupService() {
        return service(system.followupService().baseUrl());
    }

    private static RequestSpecification notificationService() {
        return service(system.notificationService().baseUrl());
    }

    private static RequestSpecification service(String baseUrl) {
        return given().baseUri(baseUrl).header("Authorization", RunningSystem.ALL_ROLES).contentType(ContentType.JSON).when();
    }

    /** A household registered through customer-service, whose records carry one kind of poison. */
    private static final class Household {
        final String kind;
        final UUID id;
        final String name;
        final String email;
        final Map<String, PoisonRecord> poisons = new HashMap<>();

        private Household(String kind, UUID id, String name, String email) {
            this.kind = kind;
            this.id = id;
            this.name = name;
            this.email = email;
        }

        static Household register(String kind) {
            String email = "poison-" + UUID.randomUUID() + "@example.com";
            String name = "Poison " + kind;
            String id = customerService().body(Map.of("name", name, "emails", List.of(email), "timezone", "Europe/London",
                            "locale", "en-GB", "consents", List.of(Map.of("channel", "EMAIL", "granted", true))))
                    .post("/customers").then().statusCode(201).extract().path("id");
            return new Household(kind, UUID.fromString(id), name, email);
        }
    }
}
