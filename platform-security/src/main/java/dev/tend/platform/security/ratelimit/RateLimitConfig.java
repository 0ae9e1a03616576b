package dev.tend.platform.security.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rate limits on a service's public endpoints, under {@code tend.rate-limit}. The buckets live in the instance's
 * memory: with several instances behind a balancer each allows its share, so the limits below are per instance.
 */
@ConfigMapping(prefix = "tend.rate-limit")
public interface RateLimitConfig {

    /** Off only where a gateway in front already limits. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The limited paths, as patterns: {@code *} is any one segment, {@code {key}} the segment holding the token or
     * id that is limited on its own ({@code /unsubscribe/{key}}); a method before it ({@code POST /sign-in}) limits
     * that method only. Each service lists its public endpoints.
     */
    Optional<List<String>> paths();

    /**
     * The paths whose requests are signed (provider webhooks): a refusal there (401 or 403) counts against the
     * client address in the stricter {@link #rejectedSignature()} bucket.
     */
    Optional<List<String>> signedPaths();

    /** Requests one client address may make to the limited paths. */
    @WithDefault("60")
    int perAddressRequests();

    /** The period in which {@link #perAddressRequests()} refill. */
    @WithDefault("1m")
    Duration perAddressPeriod();

    /** Requests for one token or id, from anywhere. */
    @WithDefault("20")
    int perKeyRequests();

    /** The period in which {@link #perKeyRequests()} refill. */
    @WithDefault("1m")
    Duration perKeyPeriod();

    /** Rejected signatures a client address may send before its signed requests are refused too. */
    @WithDefault("5")
    int rejectedSignatureRequests();

    /** The period in which {@link #rejectedSignatureRequests()} refill. */
    @WithDefault("15m")
    Duration rejectedSignaturePeriod();

    /** At most this many buckets are kept; beyond it, full (idle) ones are forgotten. */
    @WithDefault("100000")
    int maxBuckets();
}
