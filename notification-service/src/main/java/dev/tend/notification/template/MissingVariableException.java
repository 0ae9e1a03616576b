package dev.tend.notification.template;

/** A template asked for a value that was not there: the message must fail rather than go out with a blank. */
public class MissingVariableException extends RuntimeException {

    private final String part;

    public MissingVariableException(String part, String message) {
        super(message);
        this.part = part;
    }

    /** {@code subject}, {@code text} or {@code html}. */
    public String part() {
        return part;
    }
}
