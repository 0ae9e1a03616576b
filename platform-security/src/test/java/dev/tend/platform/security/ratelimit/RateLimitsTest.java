package dev.tend.platform.security.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void shouldRefuseAnAddressPastItsBucketAndSayWhenToComeBack() {
        RateLimits limits = new RateLimits(config(3, 100), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.decide("10.0.0.1", "GET", "/unsubscribe/t" + i).allowed());
        }
        RateLimits.Decision refused = limits.decide("10.0.0.1", "GET", "/unsubscribe/t9");
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(20), refused.retryAfter());
        assertTrue(limits.decide("10.0.0.2", "GET", "/unsubscribe/t9").allowed(), "another address has its own bucket");

        clock.advance(Duration.ofSeconds(20));
        assertTrue(limits.decide("10.0.0.1", "GET", "/unsubscribe/t9").allowed(), "a token refilled");
    }

    @Test
    void shouldRefuseOneTokenHammeredFromManyAddresses() {
        RateLimits limits = new RateLimits(config(100, 2), clock);
        assertTrue(limits.decide("10.0.0.1", "GET", "/pets/abc/photo").allowed());
        assertTrue(limits.decide("10.0.0.2", "GET", "/pets/abc/photo").allowed());
        RateLimits.Decision refused = limits.decide("10.0.0.3", "GET", "/pets/abc/photo");
        assertFalse(refused.allowed());
        assertEquals("Too many requests for this link", refused.reason());
        assertTrue(limits.decide("10.0.0.3", "GET", "/pets/def/photo").allowed());
    }

    @Test
    void shouldRefuseASourceOfRejectedSignaturesSoonerThanOthers() {
        RateLimits limits = new RateLimits(config(100, 100), clock);
        for (int i = 0; i < 2; i++) {
            assertTrue(limits.decide("10.6.6.6", "GET", "/webhooks/twilio/inbound").allowed());
            limits.rejectedSignature("10.6.6.6");
        }
        RateLimits.Decision refused = limits.decide("10.6.6.6", "GET", "/webhooks/twilio/inbound");
        assertFalse(refused.allowed());
        assertEquals("Too many requests with a rejected signature from this address", refused.reason());
        assertTrue(limits.decide("10.0.0.1", "GET", "/webhooks/twilio/inbound").allowed());
    }

    @Test
    void shouldLeaveOtherPathsAlone() {
        RateLimits limits = new RateLimits(config(1, 1), clock);
        assertFalse(limits.limits("GET", "/customers/abc"));
        assertFalse(limits.limits("GET", "/unsubscribe/a/b"));
        assertTrue(limits.limits("GET", "/unsubscribe/a"));
        assertTrue(limits.limits("GET", "/webhooks/email/inbound"));
        assertTrue(limits.limits("POST", "/sign-in"));
        assertFalse(limits.limits("GET", "/sign-in"));
    }

    private static RateLimitConfig config(int perAddress, int perKey) {
        return new RateLimitConfig() {
            public boolean enabled() { return true; }
            public Optional<List<String>> paths() {
                return Optional.of(List.of("/unsubscribe/{key}", "/pets/{key}/photo", "/webhooks/twilio/*", "/webhooks/email/inbound", "POST /sign-in"));
            }
            public Optional<List<String>> signedPaths() { return Optional.of(List.of("/webhooks/twilio/*")); }
            public int perAddressRequests() { return perAddress; }
            public Duration perAddressPeriod() { return Duration.ofMinutes(1); }
            public int perKeyRequests() { return perKey; }
            public Duration perKeyPeriod() { return Duration.ofMinutes(1); }
            public int rejectedSignatureRequests() { return 2; }
            public Duration rejectedSignaturePeriod() { return Duration.ofMinutes(15); }
            public int maxBuckets() { return 1000; }
        };
    }

    static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) { this.now = now; }

        void advance(Duration duration) { now = now.plus(duration); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
