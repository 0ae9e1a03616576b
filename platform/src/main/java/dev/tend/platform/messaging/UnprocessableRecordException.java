package dev.tend.platform.messaging;

/**
 * A record one consumer can never process. The dead-letter topic gets its message as the
 * {@code dead-letter-reason} header, so the message names the consumer that gave up ({@code
 * followup.customer-events: unknown event type 'X'}): two services read {@code tend.customer.events}, and
 * ops must know which of them dead-lettered a record. The failure itself is the cause
 * ({@code dead-letter-cause}).
 */
public class UnprocessableRecordException extends RuntimeException {

    private final String consumer;

    public UnprocessableRecordException(String consumer, Throwable cause) {
        super(consumer + ": " + reason(cause), cause);
        this.consumer = consumer;
    }

    public String consumer() {
        return consumer;
    }

    private static String reason(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
