package dev.tend.contracts;

/**
 * A payload carried in an {@link EventEnvelope}. The event type is the record's simple name, so the
 * Java contract and the wire name cannot drift apart.
 */
public interface EventPayload {

    /** Bumped only on a breaking change to the payload's shape. */
    int SCHEMA_VERSION = 1;

    default String type() {
        return getClass().getSimpleName();
    }
}
