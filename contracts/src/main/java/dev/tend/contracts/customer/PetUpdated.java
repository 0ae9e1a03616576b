package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record PetUpdated(PetSnapshot pet) implements EventPayload {
}
