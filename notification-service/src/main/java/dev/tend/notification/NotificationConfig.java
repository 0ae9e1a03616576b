package dev.tend.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "tend.notification")
public interface NotificationConfig {

    /**
     * Where customers and providers reach this service from outside: the unsubscribe link and the SMS status
     * callback are built on it, and webhook signatures are checked against it.
     */
    @WithDefault("http://localhost:8083")
    String publicBaseUrl();

    Dispatcher dispatcher();

    Consent consent();

    Unsubscribe unsubscribe();

    Clinic clinic();

    Sms sms();

    Print print();

    /** The SMS provider (Twilio's Messages API, or anything that speaks it). */
    interface Sms {

        @WithDefault("https://api.twilio.com")
        String baseUrl();

        Optional<String> accountSid();

        Optional<String> authToken();

        /** The sender number (E.164); without it SMS fail permanently and followup-service falls back. */
        Optional<String> fromNumber();

        /** The region assumed for phone numbers written without a country code (ISO 3166-1 alpha-2). */
        @WithDefault("GB")
        String defaultRegion();

        /** How long to wait for the provider's answer; after that the outcome is unknown and is reconciled. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Print {

        /** The print shop's hot folder: finished print jobs are placed here. */
        @WithDefault("print")
        Path folder();

        /** How often pending postcards are gathered into a print job. */
        @WithDefault("15m")
        Duration cutOffInterval();

        /** Off only in tests that drive cut-offs themselves. */
        @WithDefault("true")
        boolean cutOffEnabled();

        /** When true, a job waits for a staff member's approval before it is handed to the hot folder. */
        @WithDefault("false")
        boolean requireApproval();

        /** How long to wait for a pet's photo. */
        @WithDefault("10s")
        Duration photoTimeout();
    }

    interface Dispatcher {

        /** Off only in tests that drive sending themselves. */
        @WithDefault("true")
        boolean enabled();

        /** How often an idle instance looks for messages to send. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();

        /** Sending loops per instance, each claiming its own batch. */
        @WithDefault("2")
        int threads();

        /** The first retry's delay after a transient failure; it doubles with each attempt, with jitter. */
        @WithDefault("2s")
        Duration firstRetryDelay();

        @WithDefault("30m")
        Duration maxRetryDelay();

        /** After this many failed attempts a message is given up as failed. */
        @WithDefault("10")
        int maxAttempts();

        /**
         * An attempt still unsettled after this long (the instance died mid-call) is reconciled with the
         * provider by whichever instance finds it.
         */
        @WithDefault("2m")
        Duration inFlightTimeout();
    }

    interface Consent {

        /**
         * A request for a household this service has not heard of yet (its customer events are still on their
         * way) waits this long for them before it is suppressed for want of consent.
         */
        @WithDefault("10m")
        Duration waitForCustomer();
    }

    interface Unsubscribe {

        /** HMAC-SHA256 key for unsubscribe links. Set a secret of your own in production. */
        @WithDefault("tend-dev-unsubscribe-key-change-me")
        String signingKey();
    }

    /** The clinic's own details, available to every template. */
    interface Clinic {

        @WithDefault("Tend Veterinary Clinic")
        String name();

        @WithDefault("+44 20 7946 0000")
        String phone();

        @WithDefault("1 High Street, London N1 1AA")
        String address();

        /**
         * Signs messages that name no staff member. Unset, each message is signed "The team at {name}" in its own
         * language ("A equipa da …", "El equipo de …"); set, this one signature is used in every language.
         */
        Optional<String> signature();

        /**
         * The clinic's language and country (BCP 47 with a region): a card to another country gets a country line,
         * written in this language; a card within this country gets none.
         */
        @WithDefault("en-GB")
        String locale();
    }
}
