package dev.tend.contracts.customer;

import dev.tend.contracts.EventPayload;

public record VisitCorrected(VisitSnapshot visit) implements EventPayload {
}
