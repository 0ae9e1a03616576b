package dev.tend.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Checks a produced record against the JSON Schema the contracts jar publishes for its topic
 * ({@code /schemas/<topic>.schema.json}): what outside consumers are promised is what services produce.
 */
public final class EventSchemas {

    private EventSchemas() {
    }

    /** @throws AssertionError naming every violation */
    public static void assertConforms(String topic, EventEnvelope envelope) {
        Set<ValidationMessage> errors;
        try {
            errors = schema(topic).validate(Events.mapper().readTree(Events.write(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(envelope.type() + " on " + topic + " does not match its schema: " + errors
                    + "\n" + Events.write(envelope));
        }
    }

    private static JsonSchema schema(String topic) {
        try (InputStream in = Events.class.getResourceAsStream("/schemas/" + topic + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("No schema published for " + topic);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
