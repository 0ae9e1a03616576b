package dev.tend.console.security;

import dev.tend.console.StaffAccount;
import dev.tend.console.config.ConsoleConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.HashSet;

/**
 * Mints the short-lived token the console calls the services with, for the signed-in person: {@code sub} is
 * their username and {@code groups} their roles, so the services' role checks and logs name the person. Signed
 * with {@code smallrye.jwt.sign.key} (or {@code .key.location}), whose public half the services trust.
 */
@ApplicationScoped
public class ServiceTokens {

    private final ConsoleConfig.ServiceTokens config;
    private final Clock clock;

    public ServiceTokens(ConsoleConfig config, Clock clock) {
        this.config = config.serviceToken();
        this.clock = clock;
    }

    public String forPerson(StaffAccount account) {
        long now = clock.instant().getEpochSecond();
        return Jwt.issuer(config.issuer())
                .subject(account.username)
                .upn(account.username)
                .groups(new HashSet<>(account.roles))
                .issuedAt(now)
                .expiresAt(now + config.lifetime().toSeconds())
                .sign();
    }

    /** The token for this request's person, minted once per request. */
    public String forCurrent(CurrentStaff staff) {
        if (!staff.isSignedIn()) {
            throw new IllegalStateException("No one is signed in: the services are only called for a person");
        }
        if (staff.cachedServiceToken() == null) {
            staff.cacheServiceToken(forPerson(staff.account()));
        }
        return staff.cachedServiceToken();
    }
}
