package dev.tend.contracts.conversation;

/** A file that came with a message (an MMS picture, an email attachment), kept by notification-service at {@code url}. */
public record Attachment(String fileName, String contentType, long sizeBytes, String url) {
}
