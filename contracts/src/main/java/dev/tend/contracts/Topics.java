package dev.tend.contracts;

import java.util.List;

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
    /** Records a consumer could not process, with the reason in the headers. */
    public static final String DEAD_LETTER = "tend.dead-letter";

    public static final int DEFAULT_PARTITIONS = 6;

    public record TopicSpec(String name, int partitions) {
    }

    private Topics() {
    }

    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(CUSTOMER_EVENTS, DEFAULT_PARTITIONS),
                new TopicSpec(CONSENT_REQUESTS, DEFAULT_PARTITIONS),
                new TopicSpec(NOTIFICATION_REQUESTS, DEFAULT_PARTITIONS),
                new TopicSpec(NOTIFICATION_STATUS, DEFAULT_PARTITIONS),
                new TopicSpec(DEAD_LETTER, 1));
    }
}
