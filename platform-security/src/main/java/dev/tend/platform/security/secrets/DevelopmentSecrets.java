package dev.tend.platform.security.secrets;

import java.util.List;

/**
 * Every development secret Tend ships or its tests and local runs use, one rule each. A rule applies only where its
 * setting exists (notification-service's signing keys there, the console's signing key there), so one catalogue
 * serves every service.
 */
public final class DevelopmentSecrets {

    /** The issuer of the development tokens ({@code ./tend up}, the tests). */
    public static final String DEV_ISSUER = "https://tend.dev/local";

    public static final List<SecretRule> RULES = List.of(
            new DevelopmentValueRule("tend.notification.unsubscribe.signing-key", "tend-dev-unsubscribe-key-change-me"),
            new DevelopmentValueRule("tend.notification.replies.signing-key", "tend-dev-reply-key-change-me"),
            new DevelopmentValueRule("tend.notification.ratings.signing-key", "tend-dev-rating-key-change-me"),
            // The keys with which the local mail stand-in and the tests sign inbound mail.
            new DevelopmentValueRule("tend.notification.replies.webhook-signing-key",
                    "tend-local-inbound-mail-key", "test-inbound-mail-key"),
            // infra's SMS-provider stand-in's token.
            new DevelopmentValueRule("tend.notification.sms.auth-token", "tendtesttoken0000000000000000000"),
            new DevelopmentValueRule("mp.jwt.verify.issuer", DEV_ISSUER),
            new DevelopmentKeyRule("mp.jwt.verify.publickey", DevelopmentKeyRule.DEV_JWT_FINGERPRINT),
            new DevelopmentValueRule("tend.console.service-token.issuer", DEV_ISSUER),
            new DevelopmentKeyRule("smallrye.jwt.sign.key", DevelopmentKeyRule.DEV_JWT_FINGERPRINT));

    private DevelopmentSecrets() {
    }
}
