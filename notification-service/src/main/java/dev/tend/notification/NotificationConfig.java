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

    Inbound inbound();

    Replies replies();

    Ratings ratings();

    /** What customers write to us: texts, emails, ratings. */
    interface Inbound {

        /**
         * A customer's message is linked to the last message we sent to that number or address within this long
         * (its {@code inReplyTo}); older ones are not what it answers.
         */
        @WithDefault("7d")
        Duration replyWindow();

        /** Inbound messages and their attachments are deleted this long after they arrived. */
        @WithDefault("365d")
        Duration retention();

        /** How often messages past their retention are deleted. */
        @WithDefault("1h")
        Duration pruneInterval();

        /** Off only in tests that prune themselves. */
        @WithDefault("true")
        boolean pruneEnabled();

        /** An email attachment larger than this is not kept (the message is, with a note saying so). */
        @WithDefault("10485760")
        long maxAttachmentBytes();

        /** The attachment types kept; each is checked against the file's own first bytes, not only its label. */
        @WithDefault("image/jpeg,image/png,image/gif,image/heic,application/pdf")
        java.util.List<String> attachmentTypes();
    }

    /** Email replies: the per-message Reply-To address, the mailbox it leads to, and the inbound-mail webhook. */
    interface Replies {

        /**
         * The domain of every email's {@code Reply-To: reply+<token>@<domain>}; its mail must reach the mailbox
         * below (or the webhook). Without it emails carry no Reply-To and replies are matched by sender only.
         */
        Optional<String> domain();

        /** HMAC-SHA256 key of the Reply-To tokens. Set a secret of your own in production. */
        @WithDefault("tend-dev-reply-key-change-me")
        String signingKey();

        /**
         * HMAC-SHA256 key with which the inbound-mail webhook's sender signs each raw message
         * ({@code X-Tend-Signature}); without it the webhook refuses everything.
         */
        Optional<String> webhookSigningKey();

        /**
         * Every email is also addressed (Bcc, in the same SMTP transaction) to this address, which must reach the
         * reply mailbox or the webhook. When a crash leaves an email's outcome unknown, its copy arriving there proves
         * the mail server took it, so it is not sent again; without it such an email is sent again with the same
         * Message-ID. Needs {@code domain}: the copy's signed Reply-To is what proves it is ours.
         */
        Optional<String> sentCopyAddress();

        Imap imap();

        /** The reply mailbox, polled over IMAP(S) with Jakarta Mail. */
        interface Imap {

            /** Off unless a mailbox is configured. */
            @WithDefault("false")
            boolean enabled();

            @WithDefault("localhost")
            String host();

            @WithDefault("993")
            int port();

            /** IMAPS (TLS from the start) rather than plain IMAP. */
            @WithDefault("true")
            boolean ssl();

            Optional<String> user();

            Optional<String> password();

            @WithDefault("INBOX")
            String folder();

            /** How often the mailbox is read. */
            @WithDefault("30s")
            Duration pollInterval();
        }
    }

    /** One-click rating links in feedback-request emails. */
    interface Ratings {

        /** HMAC-SHA256 key of rating links. Set a secret of your own in production. */
        @WithDefault("tend-dev-rating-key-change-me")
        String signingKey();

        /** A rating link works this long after the email was rendered. */
        @WithDefault("30d")
        Duration linkValidity();
    }

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
         * provider by whichever instance finds it; an attempt whose answer did not come (a timeout) is reconciled no
         * sooner than this either, since the provider may still be working on it.
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
