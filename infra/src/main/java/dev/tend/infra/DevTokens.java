package dev.tend.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs bearer tokens (RS256 JWTs, MicroProfile JWT claims) with the development key pair under
 * {@code dev-jwt/}, for tests and {@code ./tend up}. Real deployments verify tokens from their own
 * identity provider instead; see {@code dev-jwt/README.md}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://tend.dev/local";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** A token for {@code subject} holding {@code roles} (integration, staff, admin), valid for {@code lifetime}. */
    public static String issue(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String groups = roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + "\"groups\":[" + groups + "],\"iat\":" + now.getEpochSecond() + ","
                + "\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    /** A token holding every role, for tests and local use. */
    public static String allRoles() {
        return issue("tend-local-admin", List.of("integration", "staff", "admin"), Duration.ofDays(30));
    }

    public static String publicKeyPem() {
        return resource("public.pem");
    }

    /** The private half, for the staff console, which signs its own short-lived tokens for the person signed in. */
    public static String privateKeyPem() {
        return resource("private.pem");
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        String base64 = resource("private.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-jwt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dev-jwt/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
