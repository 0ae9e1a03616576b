package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record VisitCancelled(VisitSnapshot visit, String reason) implements EventPayload {
}
