package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record CustomerRegistered(CustomerSnapshot customer) implements EventPayload {
}
