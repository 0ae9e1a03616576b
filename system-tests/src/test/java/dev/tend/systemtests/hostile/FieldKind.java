package dev.tend.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a body field holds, and therefore which values are certainly invalid for it. Only values that Jackson and
 * the service must both refuse are listed: Jackson coerces numbers and booleans to strings, numbers to enums
 * (by ordinal) and to dates (epoch seconds), so those are never used as "wrong types" here.
 */
public enum FieldKind {
    TEXT, UUID, DATE, DATE_TIME, BOOLEAN, INTEGER, ENUM, TEXT_LIST, OBJECT, OBJECT_LIST;

    /** Values of the wrong JSON type for this kind. */
    List<Object> wrongTypes() {
        return switch (this) {
            case TEXT -> List.of(Map.of("a", 1), List.of("x"));
            case UUID -> List.of("not-a-uuid", Map.of(), List.of(1), "00000000-0000-0000-0000-00000000000Z");
            // An empty array is read as null by Jackson's date deserializers, the same as leaving an optional date out.
            case DATE -> List.of("yesterday", "2026-13-45", "31/12/2025", Map.of());
            case DATE_TIME -> List.of("last tuesday", "2026-02-30T10:00:00Z", "2026-01-01 10:00", Map.of(), List.of());
            case BOOLEAN -> List.of("maybe", Map.of(), List.of(true));
            case INTEGER -> List.of("five", Map.of(), List.of(5), "1e400", 3.7e300);
            case ENUM -> List.of("FAX", "", Map.of(), List.of("EMAIL"), "email; DROP TABLE x");
            case TEXT_LIST -> List.of("not a list", Map.of("0", "x"), List.of(Map.of()), List.of(List.of("x")));
            case OBJECT -> List.of("not an object", List.of(1, 2), 42);
            case OBJECT_LIST -> List.of("not a list", Map.of("a", 1), List.of("x"), List.of(42));
        };
    }

    static List<Object> wrongTypesAnd(FieldKind kind, Object... more) {
        List<Object> values = new ArrayList<>(kind.wrongTypes());
        values.addAll(List.of(more));
        return values;
    }
}
