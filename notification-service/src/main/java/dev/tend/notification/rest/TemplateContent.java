package dev.tend.notification.rest;

/** A template's parts as Qute source: {@code subject} and {@code html} for email only. */
public record TemplateContent(String subject, String text, String html) {
}
