package dev.tend.notification.rest;

/** A message as its recipient sees it; {@code cardPdf} links to a postcard's own PDF once it is laid out. */
public record NotificationContent(String channel, String recipient, String subject, String text, String html,
                                  Integer segments, String cardPdf) {
}
