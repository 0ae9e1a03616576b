package dev.tend.infra;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One mail the {@link MailCatcher} received. Addresses are bare ({@code owner@example.com}); display names are in
 * the headers, whose map looks names up case-insensitively. A body is null when the mail has no part of that type.
 */
public record CaughtMail(String messageId, String from, List<String> to, String subject, String textBody,
        String htmlBody, Map<String, List<String>> headers, Instant receivedAt) {
}
