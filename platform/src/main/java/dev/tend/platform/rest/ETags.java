package dev.tend.platform.rest;

/**
 * Optimistic locking over HTTP: a resource's ETag is its version; an update must say which version it
 * changes ({@code If-Match}, or a {@code version} field in the body), and a stale one is a 409 rather than
 * a lost update.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version the caller expects to change
     * @throws ProblemException 428 when neither is given, 400 when If-Match is not one of our ETags
     */
    public static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("If-Match", "If-Match must be an ETag this API returned, such as \"3\"");
            }
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw ProblemException.preconditionRequired("If-Match",
                "send If-Match with the ETag you read (or a version field), so a concurrent change is not overwritten");
    }

    /** @throws ProblemException 409 when the stored version moved on since the caller read it */
    public static void requireCurrent(String what, long expected, long actual) {
        if (expected != actual) {
            throw new ProblemException(409, "Conflict", what + " was changed since version " + expected
                    + " (it is now at version " + actual + "); read it again and retry", "version");
        }
    }
}
