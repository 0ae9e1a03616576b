package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

import java.util.UUID;

public record ConsentChanged(UUID customerId, Consent consent) implements EventPayload {
}
