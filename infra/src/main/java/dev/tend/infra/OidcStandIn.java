package dev.tend.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for an OpenID Connect provider on 127.0.0.1, for tests and local runs: a discovery document, a JWKS,
 * an authorization endpoint that approves the configured person at once (no login page), and a token endpoint that
 * exchanges the code for RS256 ID and access tokens. Each instance signs with a key pair of its own, so a token from
 * another instance (or {@link DevTokens}) fails its signature check. Roles go in the claim a real provider would use:
 * {@code groups}, or Keycloak's {@code realm_access.roles}.
 */
public final class OidcStandIn implements AutoCloseable {

    /** The person the authorization endpoint signs in. */
    public record Person(String username, String name, List<String> roles) {
    }

    /** Where a provider puts a person's roles. */
    public enum RolesClaim {
        /** A top-level {@code groups} array (Okta, Entra ID with group claims, many others). */
        GROUPS,
        /** Keycloak's realm roles: {@code realm_access.roles}. */
        REALM_ACCESS
    }

    public static final String CLIENT_ID = "tend-console";
    public static final String CLIENT_SECRET = "tend-console-stand-in-secret";

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "/realms/tend";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final RolesClaim rolesClaim;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Person person;

    private record Grant(Person person, String redirectUri, String nonce) {
    }

    private OidcStandIn(HttpServer server, KeyPair keys, RolesClaim rolesClaim, Person person) {
        this.server = server;
        this.keys = keys;
        this.rolesClaim = rolesClaim;
        this.person = person;
    }

    /** Starts the stand-in on {@code port} (0 picks a free one), approving {@code person} at its authorization endpoint. */
    public static OidcStandIn start(int port, Person person, RolesClaim rolesClaim) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            HttpServer server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
            OidcStandIn standIn = new OidcStandIn(server, generator.generateKeyPair(), rolesClaim, person);
            server.createContext(REALM + "/.well-known/openid-configuration", exchange -> standIn.handle(exchange, standIn::discovery));
            server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> standIn.handle(exchange, standIn::jwks));
            server.createContext(REALM + "/protocol/openid-connect/auth", exchange -> standIn.handle(exchange, standIn::authorize));
            server.createContext(REALM + "/protocol/openid-connect/token", exchange -> standIn.handle(exchange, standIn::token));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OIDC stand-in", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the OIDC stand-in's key pair", e);
        }
    }

    /** The issuer URL: what {@code iss} says, and where discovery starts ({@code /.well-known/openid-configuration}). */
    public String issuer() {
        return "http://" + HOST + ":" + server.getAddress().getPort() + REALM;
    }

    /** From now on the authorization endpoint signs in {@code next}. */
    public void signsIn(Person next) {
        this.person = next;
    }

    /** An access token for {@code who}, as the token endpoint would issue (for calling a service directly). */
    public String accessToken(Person who) {
        Map<String, Object> claims = personClaims(who);
        claims.put("typ", "Bearer");
        claims.put("azp", CLIENT_ID);
        return sign(claims);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Handler {
        Response answer(HttpExchange exchange) throws IOException;
    }

    private record Response(int status, Map<String, String> headers, String body) {
        static Response json(int status, Object body) {
            try {
                return new Response(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Response error(String error, String description) {
            return json(400, Map.of("error", error, "error_description", description));
        }
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Response response = handler.answer(exchange);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private Response discovery(HttpExchange exchange) {
        String issuer = issuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        document.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        document.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return Response.json(200, document);
    }

    private Response jwks(HttpExchange exchange) {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", URL.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", URL.encodeToString(unsigned(key.getPublicExponent())));
        return Response.json(200, Map.of("keys", List.of(jwk)));
    }

    /** Approves at once: no login page, the configured person is "signed in" and sent back with a one-time code. */
    private Response authorize(HttpExchange exchange) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type"))) {
            return Response.error("unsupported_response_type", "only the code flow is supported");
        }
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            return Response.error("unauthorized_client", "unknown client_id");
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !redirectUri.matches("^https?://[^\\s]+$")) {
            return Response.error("invalid_request", "redirect_uri is required");
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, redirectUri, query.get("nonce")));
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(code);
        Optional.ofNullable(query.get("state")).ifPresent(state -> location.append("&state=")
                .append(URLEncoder.encode(state, StandardCharsets.UTF_8)));
        return new Response(302, Map.of("Location", location.toString()), "");
    }

    private Response token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Response.error("invalid_request", "POST only");
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, body)) {
            return Response.json(401, Map.of("error", "invalid_client"));
        }
        if (!"authorization_code".equals(body.get("grant_type"))) {
            return Response.error("unsupported_grant_type", "only authorization_code is supported");
        }
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (grant == null) {
            return Response.error("invalid_grant", "unknown or used code");
        }
        if (!grant.redirectUri().equals(body.get("redirect_uri"))) {
            return Response.error("invalid_grant", "redirect_uri " + body.get("redirect_uri") + " is not the "
                    + grant.redirectUri() + " the code was issued for");
        }
        Map<String, Object> idClaims = personClaims(grant.person());
        idClaims.put("aud", CLIENT_ID);
        idClaims.put("azp", CLIENT_ID);
        if (grant.nonce() != null) {
            idClaims.put("nonce", grant.nonce());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken(grant.person()));
        answer.put("id_token", sign(idClaims));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", LIFETIME.toSeconds());
        answer.put("scope", "openid profile");
        return Response.json(200, answer);
    }

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            return pair.length == 2 && CLIENT_ID.equals(decode(pair[0])) && CLIENT_SECRET.equals(decode(pair[1]));
        }
        return CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
    }

    private Map<String, Object> personClaims(Person who) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", UUID.nameUUIDFromBytes(who.username().getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("preferred_username", who.username());
        claims.put("name", who.name());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        if (rolesClaim == RolesClaim.GROUPS) {
            claims.put("groups", who.roles());
        } else {
            claims.put("realm_access", Map.of("roles", who.roles()));
        }
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        try {
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", keyId);
            String input = URL.encodeToString(JSON.writeValueAsBytes(header)) + "." + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a stand-in token", e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : "");
        }
        return values;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** For logs and the README: where a browser would start. */
    @Override
    public String toString() {
        return "OIDC stand-in at " + URI.create(issuer());
    }
}
