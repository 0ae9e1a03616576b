package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * The household asked to be forgotten. customer-service has deleted what it held; every consumer deletes or
 * anonymises what it holds of this customer and contacts them no more. Carries no personal data.
 */
public record CustomerErased(UUID customerId, Instant erasedAt) implements EventPayload {
}
