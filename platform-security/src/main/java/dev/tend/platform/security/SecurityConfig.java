package dev.tend.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What every service and the console do to stay secure by default, under {@code tend.security}. */
@ConfigMapping(prefix = "tend.security")
public interface SecurityConfig {

    /**
     * Whether start-up is refused while a secret holds a development value (a {@code tend-dev-*-change-me} key, the
     * development JWT key or issuer, the SMS stand-in's token, a known or weak first-admin password). On by default,
     * off in the {@code dev} and {@code test} profiles; a local system that trusts the development key on purpose
     * ({@code ./tend up}, docker compose) turns it off.
     */
    @WithDefault("true")
    boolean refuseDevelopmentSecrets();

    Headers headers();

    /** The headers responses carry. */
    interface Headers {

        /**
         * The Content-Security-Policy of every response: scripts and styles only from files the service serves
         * (no inline script, style or event handler), no plugins, no framing.
         */
        @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy();

        /** Further origins pages may load images from (appended to the policy's {@code img-src}; a URL counts by its origin). */
        Optional<List<String>> imageSources();

        /** The Referrer-Policy of every response. */
        @WithDefault("same-origin")
        String referrerPolicy();

        /** How long browsers keep to HTTPS once a page came over TLS ({@code Strict-Transport-Security}). */
        @WithDefault("365d")
        Duration strictTransportSecurityMaxAge();
    }
}
