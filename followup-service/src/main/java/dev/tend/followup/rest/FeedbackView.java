package dev.tend.followup.rest;

import java.time.Instant;
import java.util.UUID;

/** @param resolutionTaskId the call that resolves a complaint, null for a happy answer */
public record FeedbackView(UUID id, UUID customerId, int rating, String comment, boolean negative, Instant receivedAt,
                           UUID resolutionTaskId) {
}
