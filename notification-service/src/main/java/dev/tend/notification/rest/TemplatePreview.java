package dev.tend.notification.rest;

import java.util.Map;

/** A rendered preview; {@code segments} is what an SMS would cost. */
public record TemplatePreview(String subject, String text, String html, Integer segments, Map<String, String> data) {
}
