package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record PetDied(PetSnapshot pet) implements EventPayload {
}
