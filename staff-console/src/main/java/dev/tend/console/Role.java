package dev.tend.console;

/** A console role; its value is the one the services read from a token's {@code groups} claim. */
public enum Role {
    STAFF("staff"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
