package dev.tend.notification.service;

/** What a provider call came to. */
public sealed interface Outcome {

    record Sent(String providerMessageId, Integer segments) implements Outcome {
    }

    /** Nothing was sent (refused connection, a 5xx, a 429): try again later. */
    record Transient(String reason) implements Outcome {
    }

    /** It will never be sent as asked; {@code suppression} is set when the address itself must not be used again. */
    record Permanent(String reason, String suppression) implements Outcome {
    }

    /** The request left but no answer came back: it may or may not have been sent. */
    record Ambiguous(String reason) implements Outcome {
    }
}
