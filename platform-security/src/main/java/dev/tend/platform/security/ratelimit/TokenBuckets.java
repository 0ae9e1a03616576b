package dev.tend.platform.security.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by name, in memory: each holds up to {@code capacity} tokens and refills {@code capacity} of them
 * evenly over {@code period}. A request takes one; an empty bucket says how long until the next token.
 */
final class TokenBuckets {

    private final int capacity;
    private final Duration period;
    private final int maxBuckets;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, Duration period, int maxBuckets) {
        this.capacity = capacity;
        this.period = period;
        this.maxBuckets = maxBuckets;
    }

    /** Takes a token for {@code name}: empty when there was one, otherwise how long until there is. */
    Optional<Duration> take(String name, Instant now) {
        forgetIdle(now);
        return buckets.computeIfAbsent(name, ignored -> new Bucket(capacity, now)).take(now, capacity, period);
    }

    /** How long {@code name} must wait for a token, without taking one; empty when it has one. */
    Optional<Duration> waitFor(String name, Instant now) {
        Bucket bucket = buckets.get(name);
        return bucket == null ? Optional.empty() : bucket.wait(now, capacity, period);
    }

    private void forgetIdle(Instant now) {
        if (buckets.size() >= maxBuckets) {
            buckets.values().removeIf(bucket -> bucket.isFull(now, capacity, period));
        }
    }

    private static final class Bucket {
        private double tokens;
        private Instant last;

        Bucket(int capacity, Instant now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Optional<Duration> take(Instant now, int capacity, Duration period) {
            refill(now, capacity, period);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(untilOne(capacity, period));
        }

        synchronized Optional<Duration> wait(Instant now, int capacity, Duration period) {
            refill(now, capacity, period);
            return tokens >= 1 ? Optional.empty() : Optional.of(untilOne(capacity, period));
        }

        synchronized boolean isFull(Instant now, int capacity, Duration period) {
            refill(now, capacity, period);
            return tokens >= capacity;
        }

        private void refill(Instant now, int capacity, Duration period) {
            if (now.isAfter(last)) {
                double perNano = (double) capacity / period.toNanos();
                tokens = Math.min(capacity, tokens + Duration.between(last, now).toNanos() * perNano);
                last = now;
            }
        }

        private Duration untilOne(int capacity, Duration period) {
            double nanosPerToken = (double) period.toNanos() / capacity;
            return Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
        }
    }
}
