package dev.tend.followup.rest;

import java.time.OffsetDateTime;

public record Snooze(OffsetDateTime until) {
}
