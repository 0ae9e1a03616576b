package dev.tend.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The console's own settings, under {@code tend.console}. */
@ConfigMapping(prefix = "tend.console")
public interface ConsoleConfig {

    /** The clinic's zone: every time on every page is shown in it, and "today" is its today. */
    @WithDefault("Europe/London")
    ZoneId clinicTimezone();

    /** The team whose calls a person sees on Today unless they pick another. */
    @WithDefault("front-desk")
    String defaultTeam();

    /**
     * Where browsers load pet photos from (customer-service's public address, as in its photo URLs), allowed by the
     * Content-Security-Policy; without it, the origin of {@code quarkus.rest-client.customer.url}.
     */
    Optional<String> photoOrigin();

    /**
     * How many worklist items Today shows at a time, in the worklist's order; the rest are on the next pages. Each item
     * carries the household's story and three forms, so a day of 200 on one page is slow to send and to read.
     */
    @WithDefault("25")
    int worklistPageSize();

    FirstAdmin firstAdmin();

    Sessions session();

    SignIn signIn();

    Passwords passwords();

    ServiceTokens serviceToken();

    interface FirstAdmin {
        /** The username of the admin account created on first start, when no account exists yet. */
        @WithDefault("admin")
        String username();

        /** That account's password; without it no first admin is created (and nobody can sign in). */
        Optional<String> password();
    }

    interface Sessions {
        /** A session unused for this long is over: the person signs in again. */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /** The name of the session cookie. */
        @WithDefault("tend_session")
        String cookieName();
    }

    interface SignIn {
        /** Failed sign-ins for one username within {@link #window()} after which it is locked. */
        @WithDefault("5")
        int maxFailures();

        /** Failed sign-ins from one client address within {@link #window()} after which it is refused. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** How far back failures count, and so how long a lockout lasts after the last one. */
        @WithDefault("PT15M")
        Duration window();
    }

    interface Passwords {
        /** The shortest password an admin may set. */
        @WithDefault("12")
        int minLength();
    }

    interface ServiceTokens {
        /** The issuer the services trust (their {@code mp.jwt.verify.issuer}). */
        @WithDefault("https://tend.dev/local")
        String issuer();

        /** How long a token minted for one page's calls to the services stays valid. */
        @WithDefault("PT2M")
        Duration lifetime();
    }
}
