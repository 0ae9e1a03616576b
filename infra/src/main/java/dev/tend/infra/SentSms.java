package dev.tend.infra;

import java.time.Instant;

/** A message the {@link SmsStandIn} accepted (answered 201), as the client sent it. */
public record SentSms(String sid, String to, String from, String body, String statusCallback, Instant receivedAt) {
}
