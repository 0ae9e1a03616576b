package dev.tend.notification.template;

/** A message as its recipient will see it; {@code subject} and {@code html} are null outside email. */
public record RenderedMessage(String subject, String text, String html) {
}
