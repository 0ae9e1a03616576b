package dev.tend.platform.security.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a request to a public endpoint may go ahead: one bucket per client address, one per token or id in the
 * path (so one leaked link cannot be hammered from many addresses), and for signed paths a stricter bucket that only
 * rejected signatures drain. The first empty bucket refuses, with how long to wait.
 */
@ApplicationScoped
public class RateLimits {

    /** Go ahead, or not and why, with how long until it may. */
    public record Decision(boolean allowed, String reason, Duration retryAfter) {
        static final Decision ALLOW = new Decision(true, null, Duration.ZERO);
    }

    private final boolean enabled;
    private final List<Route> paths;
    private final List<Route> signedPaths;
    private final TokenBuckets byAddress;
    private final TokenBuckets byKey;
    private final TokenBuckets rejectedSignatures;
    private final Clock clock;

    public RateLimits(RateLimitConfig config, Clock clock) {
        this.enabled = config.enabled();
        this.paths = config.paths().orElse(List.of()).stream().map(Route::parse).toList();
        this.signedPaths = config.signedPaths().orElse(List.of()).stream().map(Route::parse).toList();
        this.byAddress = new TokenBuckets(config.perAddressRequests(), config.perAddressPeriod(), config.maxBuckets());
        this.byKey = new TokenBuckets(config.perKeyRequests(), config.perKeyPeriod(), config.maxBuckets());
        this.rejectedSignatures = new TokenBuckets(config.rejectedSignatureRequests(), config.rejectedSignaturePeriod(),
                config.maxBuckets());
        this.clock = clock;
    }

    /** Whether a request is limited at all. */
    public boolean limits(String method, String path) {
        return enabled && matching(paths, method, path).isPresent();
    }

    public boolean isSigned(String method, String path) {
        return enabled && matching(signedPaths, method, path).isPresent();
    }

    public Decision decide(String address, String method, String path) {
        Optional<Matcher> match = matching(paths, method, path);
        if (!enabled || match.isEmpty()) {
            return Decision.ALLOW;
        }
        var now = clock.instant();
        if (isSigned(method, path)) {
            Optional<Duration> wait = rejectedSignatures.waitFor(address, now);
            if (wait.isPresent()) {
                return new Decision(false, "Too many requests with a rejected signature from this address", wait.get());
            }
        }
        Optional<Duration> wait = byAddress.take(address, now);
        if (wait.isPresent()) {
            return new Decision(false, "Too many requests from this address", wait.get());
        }
        Matcher matcher = match.get();
        if (matcher.groupCount() > 0) {
            wait = byKey.take(path.substring(0, matcher.start(1)) + "{}" + matcher.group(1), now);
            if (wait.isPresent()) {
                return new Decision(false, "Too many requests for this link", wait.get());
            }
        }
        return Decision.ALLOW;
    }

    /** A signed path refused the request's signature: it counts against the address. */
    public void rejectedSignature(String address) {
        rejectedSignatures.take(address, clock.instant());
    }

    private static Optional<Matcher> matching(List<Route> routes, String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if ((route.method() == null || route.method().equalsIgnoreCase(method)) && matcher.matches()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    /** {@code [METHOD ]pattern}: without a method, every method. */
    private record Route(String method, Pattern path) {
        static Route parse(String route) {
            String[] parts = route.trim().split("\\s+", 2);
            return parts.length == 2 ? new Route(parts[0], compile(parts[1])) : new Route(null, compile(parts[0]));
        }
    }

    /** {@code /unsubscribe/{key}} to a regular expression capturing the key; {@code *} is any one segment. */
    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?=[*{])|(?<=[*}])")) {
            switch (part) {
                case "*" -> regex.append("[^/]+");
                case "{key}" -> regex.append("([^/]+)");
                default -> regex.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(regex + "/?");
    }
}
