package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record PetRegistered(PetSnapshot pet) implements EventPayload {
}
