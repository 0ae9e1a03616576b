package dev.tend.followup.rest;

import dev.tend.followup.service.Worklist.Outcome;
import jakarta.validation.constraints.Size;

public record CallOutcome(Outcome outcome, @Size(max = 4000) String note, @Size(max = 200) String completedBy) {
}
