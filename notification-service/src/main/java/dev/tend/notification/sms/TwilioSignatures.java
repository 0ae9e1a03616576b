package dev.tend.notification.sms;

import dev.tend.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's webhook signature: Base64(HMAC-SHA1(authToken, url + each POST parameter's name and value, sorted by
 * name)). The URL is the one Twilio was given, built from the public base URL, not what a proxy forwarded.
 */
@ApplicationScoped
public class TwilioSignatures {

    private final NotificationConfig config;

    public TwilioSignatures(NotificationConfig config) {
        this.config = config;
    }

    public String urlFor(String path) {
        return config.publicBaseUrl().replaceAll("/+$", "") + path;
    }

    public boolean isValid(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank() || config.sms().authToken().isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(config.sms().authToken().get(), url, params).getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
