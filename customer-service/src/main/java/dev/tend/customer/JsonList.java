package dev.tend.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tend.contracts.Events;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/** Stores a list of strings as a JSON array (the column is jsonb; see the entities' write transformers). */
@Converter
public class JsonList implements AttributeConverter<List<String>, String> {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        try {
            return Events.mapper().writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        try {
            return json == null ? new ArrayList<>() : new ArrayList<>(Events.mapper().readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON list in the database: " + json, e);
        }
    }
}
