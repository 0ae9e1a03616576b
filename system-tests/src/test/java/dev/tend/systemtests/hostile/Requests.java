package dev.tend.systemtests.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds hostile requests that carry a valid token unless told otherwise. */
public final class Requests {

    public static final String JSON = "application/json";

    private final String authorization;

    public Requests(String authorization) {
        this.authorization = authorization;
    }

    public HostileRequest get(String attack, String path) {
        return new HostileRequest(attack, "GET", path, auth(Map.of()), null, null);
    }

    public HostileRequest send(String attack, String method, String path, String contentType, byte[] body, String field) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HostileRequest(attack, method, path, auth(headers), body, field);
    }

    public HostileRequest json(String attack, String method, String path, String body) {
        return send(attack, method, path, JSON, body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The endpoint's own headers (If-Match...), a JSON content type, then {@code extra} over them. */
    public HostileRequest to(Endpoint endpoint, String attack, String contentType, byte[] body, String field,
                             Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extra);
        headers.values().removeIf(v -> v == null);
        return new HostileRequest(attack, endpoint.method(), endpoint.path(), auth(headers), body, field);
    }

    private Map<String, String> auth(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", authorization);
        all.putAll(headers);
        all.values().removeIf(v -> v == null);
        return all;
    }
}
