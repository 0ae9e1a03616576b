package dev.tend.notification.rest;

import java.util.Map;

/**
 * What to preview: the given parts, or (when {@code text} is absent) the template that applies to the channel,
 * key and locale. {@code data} replaces the sample personalisation, to see how a real request would render.
 */
public record TemplatePreviewRequest(String channel, String templateKey, String locale, String subject, String text,
                                     String html, Map<String, String> data) {
}
