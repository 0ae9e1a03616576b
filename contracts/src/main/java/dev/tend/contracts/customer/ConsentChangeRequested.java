package dev.tend.contracts.customer;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent change that happened outside customer-service (an SMS "STOP", an email unsubscribe link),
 * for customer-service to apply and republish as {@link ConsentChanged}.
 */
public record ConsentChangeRequested(UUID customerId, Channel channel, boolean granted, String source, Instant requestedAt)
        implements EventPayload {
}
