package dev.tend.followup.rest;

import dev.tend.followup.playbook.PlaybookDefinition;

import java.time.Instant;

public record PlaybookView(String key, int version, Instant createdAt, PlaybookDefinition definition) {
}
