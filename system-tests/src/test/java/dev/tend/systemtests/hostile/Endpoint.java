package dev.tend.systemtests.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation with a JSON body, described well enough to break it: a body it would accept, and its fields.
 *
 * @param method    HTTP method
 * @param path      the path, with the fixture's ids in it
 * @param validBody a body the operation accepts (never sent as is)
 * @param fields    the fields of that body, with what makes each invalid
 * @param headers   headers an otherwise valid request carries (If-Match with the current ETag)
 */
public record Endpoint(String method, String path, Map<String, Object> validBody, List<Field> fields,
                       Map<String, String> headers) {

    public static Endpoint of(String method, String path, Map<String, Object> validBody, Field... fields) {
        return new Endpoint(method, path, new LinkedHashMap<>(validBody), List.of(fields), Map.of());
    }

    public Endpoint withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Endpoint(method, path, validBody, fields, all);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
