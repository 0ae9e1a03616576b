package dev.tend.platform.rest;

/**
 * Thrown by services for an outcome the caller must see as a problem+json response. The factories name
 * the cases every Tend API uses, so the same situation gets the same status and title everywhere.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "Invalid request", detail, field);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(422, "Unprocessable request", detail, field);
    }

    public static ProblemException preconditionRequired(String field, String detail) {
        return new ProblemException(428, "Precondition required", detail, field);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
