package dev.tend.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "tend.notification")
public interface NotificationConfig {

    Dispatcher dispatcher();

    Sms sms();

    Print print();

    /** The SMS provider (Twilio's Messages API, or anything that speaks it). */
    interface Sms {

        @WithDefault("https://api.twilio.com")
        String baseUrl();

        Optional<String> accountSid();

        Optional<String> authToken();

        Optional<String> fromNumber();
    }

    interface Print {

        /** The print shop's hot folder: finished print jobs are placed here. */
        @WithDefault("print")
        Path folder();
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

        /** The first retry's delay after a transient failure; it doubles with each attempt, with jitter. */
        @WithDefault("2s")
        Duration firstRetryDelay();

        @WithDefault("30m")
        Duration maxRetryDelay();

        /** After this many failed attempts a message is given up as failed. */
        @WithDefault("10")
        int maxAttempts();
    }
}
