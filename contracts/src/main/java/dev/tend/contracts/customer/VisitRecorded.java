package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record VisitRecorded(VisitSnapshot visit) implements EventPayload {
}
