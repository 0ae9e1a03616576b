package dev.tend.notification.inbound;

import dev.tend.notification.NotificationConfig;
import dev.tend.notification.email.Hmac;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed one-click rating links: {@code /rate/base64url(notificationId|rating|expiresEpochSecond).base64url(HMAC)}.
 * A link is bound to the email it came in and the rating it gives, and stops working after
 * {@code ratings.link-validity}.
 */
@ApplicationScoped
public class RatingLinks {

    public record Rating(UUID notificationId, int rating, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final NotificationConfig config;

    public RatingLinks(NotificationConfig config) {
        this.config = config;
    }

    public String link(UUID notificationId, int rating, Instant now) {
        Instant expires = now.plus(config.ratings().linkValidity());
        String payload = ENCODER.encodeToString((notificationId + "|" + rating + "|" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return config.publicBaseUrl().replaceAll("/+$", "") + "/rate/" + payload + "."
                + ENCODER.encodeToString(Hmac.sha256(config.ratings().signingKey(), payload));
    }

    /** The rating a token gives, if it is ours (expiry is checked by the caller, who says so). */
    public Optional<Rating> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(Hmac.sha256(config.ratings().signingKey(), payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            int rating = Integer.parseInt(parts[1]);
            if (rating < 1 || rating > 5) {
                return Optional.empty();
            }
            return Optional.of(new Rating(UUID.fromString(parts[0]), rating, Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
