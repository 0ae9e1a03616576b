package dev.tend.notification.email;

import dev.tend.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed unsubscribe tokens: {@code base64url(customerId|address).base64url(HMAC-SHA256)}. The link needs no
 * login and no database lookup, and nobody can unsubscribe an address they were not sent a message for.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    public record Subject(UUID customerId, String address) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final NotificationConfig config;

    public UnsubscribeTokens(NotificationConfig config) {
        this.config = config;
    }

    public String issue(UUID customerId, String address) {
        String payload = ENCODER.encodeToString((customerId + "|" + address).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    public String link(UUID customerId, String address) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/unsubscribe/" + issue(customerId, address);
    }

    public Optional<Subject> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|", 2);
            return parts.length == 2 ? Optional.of(new Subject(UUID.fromString(parts[0]), parts[1])) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.unsubscribe().signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
