package dev.tend.systemtests.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Bodies that are valid JSON but break the operation's contract one field at a time (or two at once). */
public final class BodyMutations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A broken body: which field is at fault, and the bytes. */
    public record Mutation(String attack, String field, byte[] body) {
    }

    private BodyMutations() {
    }

    /** Every single-field fault: missing and null where required, wrong types, too long, invalid values. */
    public static List<Mutation> singleFieldFaults(Endpoint endpoint) {
        List<Mutation> mutations = new ArrayList<>();
        for (Field field : endpoint.fields()) {
            if (field.required()) {
                mutations.add(new Mutation("missing " + field.name(), field.name(), json(without(endpoint.validBody(), field.name()))));
                mutations.add(new Mutation("null " + field.name(), field.name(), json(with(endpoint.validBody(), field.name(), null))));
            }
            for (Field.Labelled value : field.invalidValues()) {
                mutations.add(new Mutation(value.label() + ": " + field.name(), field.name(),
                        json(with(endpoint.validBody(), field.name(), value.value()))));
            }
        }
        return mutations;
    }

    /**
     * A fault in one field plus a hostile string (injection, control characters) in another: whatever the
     * hostile string does, the request is invalid and must change nothing.
     */
    public static Mutation faultWithHostileString(Endpoint endpoint, Random random) {
        List<Field> fields = endpoint.fields();
        Field faulty = fields.get(random.nextInt(fields.size()));
        List<Field.Labelled> invalid = new ArrayList<>(faulty.invalidValues());
        Map<String, Object> body = new LinkedHashMap<>(endpoint.validBody());
        String attack;
        if (faulty.required() && (invalid.isEmpty() || random.nextBoolean())) {
            body = without(body, faulty.name());
            attack = "missing " + faulty.name();
        } else {
            Field.Labelled value = invalid.get(random.nextInt(invalid.size()));
            body = with(body, faulty.name(), value.value());
            attack = value.label() + ": " + faulty.name();
        }
        List<Field> texts = fields.stream().filter(f -> f != faulty && f.kind() == FieldKind.TEXT
                && !f.name().startsWith(faulty.name() + ".")).toList();
        String hostile = HostileStrings.any(random);
        // The hostile string may be invalid where it lands: then the problem may name that field instead.
        String named = faulty.name();
        if (!texts.isEmpty()) {
            Field carrier = texts.get(random.nextInt(texts.size()));
            body = with(body, carrier.name(), hostile);
            attack += " + hostile string in " + carrier.name();
            named += "|" + carrier.name();
        } else {
            body = with(body, "x-hostile", hostile);
            attack += " + hostile unknown property";
        }
        return new Mutation(attack, named, json(body));
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy with {@code dotted} (e.g. {@code visit.visitedAt}) set; null sets JSON null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String dotted, Object value) {
        Map<String, Object> copy = deepCopy(body);
        String[] path = dotted.split("\\.");
        Map<String, Object> at = copy;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(at.get(path[i]) instanceof Map<?, ?>)) {
                at.put(path[i], new LinkedHashMap<String, Object>());
            }
            at = (Map<String, Object>) at.get(path[i]);
        }
        at.put(path[path.length - 1], value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> without(Map<String, Object> body, String dotted) {
        Map<String, Object> copy = deepCopy(body);
        String[] path = dotted.split("\\.");
        Map<String, Object> at = copy;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(at.get(path[i]) instanceof Map<?, ?>)) {
                return copy;
            }
            at = (Map<String, Object>) at.get(path[i]);
        }
        at.remove(path[path.length - 1]);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
