package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.Recipient;
import dev.tend.notification.consent.ConsentReadModel;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Households and requests as followup-service and customer-service would send them. */
final class Fixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final PostalAddress ADDRESS = new PostalAddress("12 Elm Road", "Flat 3", "Bristol", null, "BS1 4DJ", "GB");

    private Fixtures() {
    }

    /** Registers a household with customer-service's event, consenting to {@code consented}, and waits until it is known here. */
    static UUID household(String email, String phone, Channel... consented) {
        UUID customerId = UUID.randomUUID();
        List<Consent> consents = Arrays.stream(consented)
                .map(channel -> new Consent(channel, true, "front-desk", Instant.now()))
                .toList();
        CustomerSnapshot snapshot = new CustomerSnapshot(customerId, "Mia Wong",
                email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone), ADDRESS,
                "Europe/London", "en-GB", List.of(consented), consents, Set.of(), 1);
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS,
                Events.envelope(new CustomerRegistered(snapshot), customerId, Instant.now(), null));
        ConsentReadModel readModel = Arc.container().instance(ConsentReadModel.class).get();
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> readModel.isKnown(customerId)));
        return customerId;
    }

    static EventEnvelope request(UUID customerId, Channel channel, String templateKey, Recipient recipient,
                                 Map<String, String> personalisation) {
        NotificationRequested request = new NotificationRequested(UUID.randomUUID(), UUID.randomUUID(), customerId,
                channel, templateKey, recipient, personalisation);
        return Events.envelope(request, customerId, Instant.now(), "corr-" + UUID.randomUUID());
    }

    static UUID notificationId(EventEnvelope request) {
        return UUID.fromString(request.data().path("notificationId").asText());
    }

    static List<EventEnvelope> events(String topic, UUID customerId, Predicate<List<EventEnvelope>> enough) {
        return KafkaTestClient.eventsFor(topic, customerId, WAIT, enough);
    }

    /** The status events about a household, each checked against the schema published for the topic. */
    static List<EventEnvelope> statuses(UUID customerId, int atLeast) {
        List<EventEnvelope> statuses = events(Topics.NOTIFICATION_STATUS, customerId, found -> found.size() >= atLeast);
        statuses.forEach(status -> EventSchemas.assertConforms(Topics.NOTIFICATION_STATUS, status));
        return statuses;
    }

    static boolean hasHeader(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) != null;
    }
}
