package dev.tend.platform.security.secrets;

import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A JWT key setting ({@code setting} inline, or {@code setting.location}: a file or classpath resource) must not be
 * the development key pair (infra's {@code dev-jwt}), recognised by the SHA-256 fingerprint of its public key, so a
 * copy of the file under any name is caught too; for a private key, the fingerprint of its public half. A key
 * behind an https URL (an identity provider's JWKS) is never the development key.
 */
public record DevelopmentKeyRule(String setting, String developmentFingerprint) implements SecretRule {

    /** SHA-256 of the DER-encoded public key of infra's {@code dev-jwt} pair. */
    public static final String DEV_JWT_FINGERPRINT = "5fa1fb728019451f0e7d90a478bf35a6385cdbb65427d14b1a249a42d6640985";

    @Override
    public Optional<String> violation(Config config) {
        Optional<String> inline = config.getOptionalValue(setting, String.class);
        if (inline.isPresent() && isDevelopmentKey(inline.get())) {
            return Optional.of(message(setting));
        }
        String locationSetting = setting + ".location";
        return config.getOptionalValue(locationSetting, String.class)
                .flatMap(DevelopmentKeyRule::read)
                .filter(this::isDevelopmentKey)
                .map(key -> message(locationSetting));
    }

    private static String message(String name) {
        return name + " is the development JWT key (infra's dev-jwt, which is public): use your identity provider's "
                + "key (" + ProductionSecretsCheck.environmentName(name) + ")";
    }

    boolean isDevelopmentKey(String pem) {
        return fingerprint(pem).map(developmentFingerprint::equals).orElse(false);
    }

    /** The SHA-256 of the DER public key in a PEM (public or PKCS#8 RSA private); empty when it is neither. */
    static Optional<String> fingerprint(String pem) {
        boolean isPrivate = pem.contains("PRIVATE KEY");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            byte[] publicDer = der;
            if (isPrivate) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                publicDer = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            }
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicDer)));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(String location) {
        if (location.startsWith("http:") || location.startsWith("https:")) {
            return Optional.empty();
        }
        String path = location.startsWith("file:") ? location.substring(5)
                : location.startsWith("classpath:") ? location.substring(10) : location;
        try {
            Path file = Path.of(path);
            if (!location.startsWith("classpath:") && Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
            }
            String resource = path.startsWith("/") ? path.substring(1) : path;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
