package dev.tend.contracts.customer;

import dev.tend.contracts.Channel;

import java.time.Instant;

/** A household's permission to be contacted on one channel, and who recorded it when. */
public record Consent(Channel channel, boolean granted, String source, Instant changedAt) {
}
