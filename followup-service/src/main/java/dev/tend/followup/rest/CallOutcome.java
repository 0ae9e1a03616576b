package dev.tend.followup.rest;

import dev.tend.followup.service.Worklist.Outcome;

public record CallOutcome(Outcome outcome, String note, String completedBy) {
}
