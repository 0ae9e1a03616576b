package dev.tend.console.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service answered with an error: its problem+json read into what a page shows (a sentence, and a message per
 * field when it named fields). Never carries the service's raw body or a stack trace to the page.
 */
public class ServiceProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final int status;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(String service, int status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.service = service;
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static ServiceProblem from(String service, Response response) {
        int status = response.getStatus();
        String message = fallback(status);
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            response.bufferEntity();
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            if (body != null && body.isObject()) {
                String detail = text(body, "detail");
                String title = text(body, "title");
                if (detail != null) {
                    message = detail;
                } else if (title != null) {
                    message = title;
                }
                String field = text(body, "field");
                if (field != null) {
                    fields.put(field, message);
                }
                for (JsonNode error : body.path("errors")) {
                    String name = text(error, "field");
                    if (name != null) {
                        fields.put(name, text(error, "message") == null ? message : text(error, "message"));
                    }
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            // Not problem+json (a proxy's page, an empty body): the status alone says what went wrong.
        }
        return new ServiceProblem(service, status, message, fields);
    }

    /** The service is down or did not answer in time. */
    public static ServiceProblem unreachable(String service) {
        return new ServiceProblem(service, 503, service + " is not answering at the moment. Try again in a minute.", Map.of());
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String fallback(int status) {
        return switch (status) {
            case 401 -> "The service did not accept the console's credentials.";
            case 403 -> "Your account does not have access to this.";
            case 404 -> "It is not there any more.";
            case 409 -> "Someone else changed this just now. Reload and try again.";
            default -> status >= 500 ? "The service had a problem. Try again in a minute." : "The service refused the request.";
        };
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
