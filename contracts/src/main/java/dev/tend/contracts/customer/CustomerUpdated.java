package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

/** Contact points, timezone, locale, preferences or tags changed; carries the whole customer as it now is. */
public record CustomerUpdated(CustomerSnapshot customer) implements EventPayload {
}
