package dev.tend.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * A field of a request body, with what makes a value invalid for it.
 *
 * @param name      JSON name (dotted for a nested field, e.g. {@code visit.visitedAt})
 * @param kind      its type
 * @param required  absent or null is invalid
 * @param maxLength for text, the longest value allowed (0 when the API sets none)
 * @param invalid   further values of the right type that the API must refuse (a bad time zone, a future date)
 */
public record Field(String name, FieldKind kind, boolean required, int maxLength, List<Object> invalid) {

    public static Field required(String name, FieldKind kind, Object... invalid) {
        return new Field(name, kind, true, 0, List.of(invalid));
    }

    public static Field optional(String name, FieldKind kind, Object... invalid) {
        return new Field(name, kind, false, 0, List.of(invalid));
    }

    public static Field text(String name, boolean required, int maxLength, Object... invalid) {
        return new Field(name, FieldKind.TEXT, required, maxLength, List.of(invalid));
    }

    /** Every value this field must refuse, with a label for the report. */
    List<Labelled> invalidValues() {
        List<Labelled> values = new ArrayList<>();
        for (Object value : kind.wrongTypes()) {
            values.add(new Labelled("wrong type", value));
        }
        if (maxLength > 0) {
            values.add(new Labelled("one too long", "x".repeat(maxLength + 1)));
            values.add(new Labelled("huge string", "y".repeat(Math.max(100_000, maxLength * 10))));
        }
        for (Object value : invalid) {
            values.add(new Labelled("invalid value", value));
        }
        return values;
    }

    record Labelled(String label, Object value) {
    }
}
