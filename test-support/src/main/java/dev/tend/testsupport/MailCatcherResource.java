package dev.tend.testsupport;

import dev.tend.infra.MailCatcher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail) for a {@code @QuarkusTest}; tests read what it caught via {@link #catcher()}. */
public class MailCatcherResource implements QuarkusTestResourceLifecycleManager {

    private static MailCatcher catcher;

    public static synchronized MailCatcher catcher() {
        if (catcher == null) {
            catcher = MailCatcher.start(0);
        }
        return catcher;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(catcher().smtpPort()));
    }

    @Override
    public void stop() {
        // Stops with the JVM, like the other shared infrastructure.
    }
}
