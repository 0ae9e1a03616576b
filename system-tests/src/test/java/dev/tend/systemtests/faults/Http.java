package dev.tend.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Events;
import dev.tend.infra.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client with every role, shared by the load driver's threads (the JDK client is thread-safe). */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String AUTHORIZATION = "Bearer " + DevTokens.allRoles();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Answer(int status, JsonNode body) {
        boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    private Http() {
    }

    static Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Answer post(String url, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        return send(request);
    }

    static Answer put(String url, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    static String text(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : Events.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.header("Authorization", AUTHORIZATION)
                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode json = body == null || body.isBlank() ? null : parse(body);
        return new Answer(response.statusCode(), json);
    }

    private static JsonNode parse(String body) {
        try {
            return Events.mapper().readTree(body);
        } catch (IOException e) {
            return Events.mapper().getNodeFactory().textNode(body);
        }
    }
}
