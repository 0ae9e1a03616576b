package dev.tend.contracts.notification;

import dev.tend.contracts.PostalAddress;

/** Where to send, as known when the follow-up fired; the sender re-checks consent before sending. */
public record Recipient(String name, String email, String phone, PostalAddress postalAddress, String locale, String timezone) {
}
