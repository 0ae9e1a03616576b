package dev.tend.systemtests.hostile;

import java.util.Map;

/**
 * One request that a service must refuse with a 4xx problem+json and no change.
 *
 * @param attack        what is wrong with it, for the report (e.g. {@code wrong type: rating})
 * @param method        HTTP method
 * @param path          path and query, already encoded
 * @param headers       headers to send (Authorization included unless the attack is about it)
 * @param body          the body's bytes, or null for none
 * @param expectedField the input the problem must name (field, errors[].field or detail), or null
 */
public record HostileRequest(String attack, String method, String path, Map<String, String> headers, byte[] body,
                             String expectedField) {

    @Override
    public String toString() {
        return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " [" + attack + "]";
    }
}
