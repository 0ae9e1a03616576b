package dev.tend.notification;

import dev.tend.notification.inbound.TextedRatings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextedRatingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5|5", "4/5|4", "4 / 5|4", "5 stars|5", "1 star|1", "five|5", "Five!|5", "2|2", " 3. |3",
            "3 out of 5|3", "cinco|5", "três|3", "quatro estrelas|4", "dos|2", "cuatro estrellas|4", "4 de 5|4",
            "4/5, lovely staff|4", "5 stars - thank you|5", "⭐⭐⭐⭐|4"})
    void shouldReadRatings(String text, int rating) {
        assertEquals(Optional.of(rating), TextedRatings.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 dogs are sick", "6", "0", "10/10", "she is bleeding", "five minutes late, sorry", "45", ""})
    void shouldNotMistakeRepliesForRatings(String text) {
        assertEquals(Optional.empty(), TextedRatings.of(text));
    }

    @Test
    void shouldNotReadARatingFromNothing() {
        assertEquals(Optional.empty(), TextedRatings.of(null));
    }
}
