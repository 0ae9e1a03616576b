package dev.tend.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a service answered, and whether that is acceptable for a hostile request: a 4xx, as problem+json with its
 * status and a title, naming the field at fault where the request had one, and leaking no exception text.
 */
public record Answer(int status, String contentType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEAKS = List.of("Exception", "java.", "jakarta.", "org.hibernate", "io.quarkus",
            "io.vertx", "com.fasterxml", "org.postgresql", "SQLState", "at dev.tend", "dev.tend.", "Caused by");

    /** No answer at all (the connection failed): {@code status} 0 and the failure as the body. */
    public static Answer none(Exception failure) {
        return new Answer(0, null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /** Every way this answer falls short; empty when it is the answer a hostile request deserves. */
    public List<String> problems(HostileRequest request) {
        List<String> problems = new ArrayList<>();
        if (status == 0) {
            problems.add("no answer (" + body + ")");
            return problems;
        }
        if (status < 400 || status > 499) {
            problems.add("status " + status);
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            problems.add("content type " + contentType);
            return problems;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            problems.add("body is not JSON");
            return problems;
        }
        if (problem == null || problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
            problems.add("problem without its status or title");
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                problems.add("leaks '" + leak + "'");
            }
        }
        if (request.expectedField() != null && !names(problem, request.expectedField())) {
            problems.add("does not name " + request.expectedField());
        }
        return problems;
    }

    /**
     * Whether the problem names one of {@code fields} ({@code a|b}): as its field, an error's field, or in its detail.
     * A 404 for a reference to something that does not exist names that thing instead.
     */
    private boolean names(JsonNode problem, String fields) {
        if ((status == 404 && problem.path("detail").asText().endsWith("does not exist")) || status == 409) {
            return true;
        }
        for (String field : fields.split("\\|")) {
            if (mentions(problem, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(JsonNode problem, String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        StringBuilder mentioned = new StringBuilder(problem.path("field").asText()).append(' ')
                .append(problem.path("detail").asText());
        problem.path("errors").forEach(e -> mentioned.append(' ').append(e.path("field").asText()));
        return mentioned.toString().toLowerCase(Locale.ROOT).contains(leaf);
    }
}
