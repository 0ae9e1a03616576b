package dev.tend.notification.email;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC-SHA256, for the signed tokens and webhook signatures that stand in for a login. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public static byte[] sha256(String key, String data) {
        return sha256(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
