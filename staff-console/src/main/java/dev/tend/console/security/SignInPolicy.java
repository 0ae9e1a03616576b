package dev.tend.console.security;

import dev.tend.console.SignInAttempt;
import dev.tend.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a sign-in may be tried now: a username locks after {@code sign-in.max-failures} failures within the
 * window, a client address after {@code sign-in.max-failures-per-address}, until the window has passed since the
 * failure that tipped it. A success does not clear earlier failures from the count, so guessing cannot be
 * interleaved with one known password.
 */
@ApplicationScoped
public class SignInPolicy {

    /** Whether to try the password, and if not why and for how long. */
    public record Decision(boolean allowed, String reason, Duration retryAfter) {
        static Decision allow() {
            return new Decision(true, null, Duration.ZERO);
        }
    }

    private final ConsoleConfig.SignIn config;
    private final Clock clock;

    public SignInPolicy(ConsoleConfig config, Clock clock) {
        this.config = config.signIn();
        this.clock = clock;
    }

    public Decision decide(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(config.window());
        long byUser = SignInAttempt.count("username = ?1 and at > ?2 and succeeded = false", username, since);
        if (byUser >= config.maxFailures()) {
            return refuse("Too many failed sign-ins for this account", "username", username, since, now);
        }
        long byAddress = SignInAttempt.count("address = ?1 and at > ?2 and succeeded = false", address, since);
        if (byAddress >= config.maxFailuresPerAddress()) {
            return refuse("Too many failed sign-ins from this computer", "address", address, since, now);
        }
        return Decision.allow();
    }

    private Decision refuse(String why, String column, String value, Instant since, Instant now) {
        SignInAttempt last = SignInAttempt.<SignInAttempt>find(column + " = ?1 and at > ?2 and succeeded = false order by at desc",
                value, since).firstResult();
        Duration retryAfter = Duration.between(now, last.at.plus(config.window()));
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return new Decision(false, why + ". Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."), retryAfter);
    }
}
