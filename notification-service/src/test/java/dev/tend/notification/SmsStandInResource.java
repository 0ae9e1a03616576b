package dev.tend.notification;

import dev.tend.infra.SmsStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real HTTP server speaking Twilio's Messages API (WireMock) for a {@code @QuarkusTest}; read it via {@link #standIn()}. */
public class SmsStandInResource implements QuarkusTestResourceLifecycleManager {

    private static SmsStandIn standIn;

    public static synchronized SmsStandIn standIn() {
        if (standIn == null) {
            standIn = SmsStandIn.start(0);
        }
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "tend.notification.sms.base-url", standIn().baseUrl(),
                "tend.notification.sms.account-sid", standIn().accountSid(),
                "tend.notification.sms.auth-token", standIn().authToken());
    }

    @Override
    public void stop() {
        // Stops with the JVM, like the other shared infrastructure.
    }
}
