package dev.tend.contracts;

import java.util.List;
import java.util.Map;

/**
 * The topic catalogue. Topics are created explicitly (auto-create is off on every broker Tend runs on),
 * so their partition counts are part of the contract: records are keyed by customer id, and a customer's
 * events stay in order only within one partition.
 */
public final class Topics {

    /** Everything customer-service publishes about customers, pets, consent and visits. */
    public static final String CUSTOMER_EVENTS = "tend.customer.events";
    /** Consent changes raised outside customer-service (SMS STOP, email unsubscribe), for it to apply. */
    public static final String CONSENT_REQUESTS = "tend.consent.requests";
    /** Messages followup-service wants sent. */
    public static final String NOTIFICATION_REQUESTS = "tend.notification.requests";
    /** What happened to each requested message: sent, delivered, failed, suppressed. */
    public static final String NOTIFICATION_STATUS = "tend.notification.status";
    /** What customers wrote to the clinic (replies, ratings), for followup-service to put before a person. */
    public static final String CUSTOMER_MESSAGES = "tend.customer.messages";
    /** Records a consumer could not process, with the reason in the headers. */
    public static final String DEAD_LETTER = "tend.dead-letter";

    public static final int DEFAULT_PARTITIONS = 6;

    /**
     * The dead-letter topic takes records twice the broker's default limit: a record at the limit on its source topic
     * comes back with the reason and source headers on top, and a consumer that can neither process nor
     * dead-letter a record stops.
     */
    public static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    /** @param configs topic-level settings that differ from the broker's defaults */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {

        public TopicSpec(String name, int partitions) {
            this(name, partitions, Map.of());
        }
    }

    private Topics() {
    }

    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(CUSTOMER_EVENTS, DEFAULT_PARTITIONS),
                new TopicSpec(CONSENT_REQUESTS, DEFAULT_PARTITIONS),
                new TopicSpec(NOTIFICATION_REQUESTS, DEFAULT_PARTITIONS),
                new TopicSpec(NOTIFICATION_STATUS, DEFAULT_PARTITIONS),
                new TopicSpec(CUSTOMER_MESSAGES, DEFAULT_PARTITIONS),
                new TopicSpec(DEAD_LETTER, 1, Map.of("max.message.bytes", Integer.toString(DEAD_LETTER_MAX_BYTES))));
    }
}
