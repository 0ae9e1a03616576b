package dev.tend.contracts;

/** A record that can never be processed, however often it is retried: it belongs in the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
