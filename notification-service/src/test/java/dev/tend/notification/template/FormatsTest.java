package dev.tend.notification.template;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    private static final LocalDate THURSDAY_3_DECEMBER = LocalDate.of(2026, 12, 3);
    private static final Locale PT_PT = Locale.forLanguageTag("pt-PT");
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final Locale ES_ES = Locale.forLanguageTag("es-ES");

    @Test
    void shouldWriteDatesWithTheWeekdayAndMonthInWordsInEachLanguage() {
        assertEquals("Thursday 3 December", Formats.date(THURSDAY_3_DECEMBER, Locale.UK));
        assertEquals("Thursday, December 3", Formats.date(THURSDAY_3_DECEMBER, Locale.US));
        assertEquals("quinta-feira, 3 de dezembro", Formats.date(THURSDAY_3_DECEMBER, PT_PT));
        assertEquals("quinta-feira, 3 de dezembro", Formats.date(THURSDAY_3_DECEMBER, PT_BR));
        assertEquals("jueves, 3 de diciembre", Formats.date(THURSDAY_3_DECEMBER, ES_ES));
    }

    @Test
    void shouldPrintADateAsWordsWhenATemplateUsesIt() {
        assertEquals("quinta-feira, 3 de dezembro", new HumanDate(THURSDAY_3_DECEMBER, PT_PT).toString());
    }

    @Test
    void shouldWriteTimesOnTheRecipientsOwnClock() {
        Instant oneThirtyUtc = Instant.parse("2026-07-01T13:30:00Z");
        assertEquals("14:30", Formats.time(oneThirtyUtc, ZoneId.of("Europe/Lisbon"), PT_PT));
        assertEquals("9:30 AM", Formats.time(oneThirtyUtc, ZoneId.of("America/New_York"), Locale.US));
        assertEquals("quinta-feira, 2 de julho", new HumanTime(Instant.parse("2026-07-01T23:30:00Z"),
                ZoneId.of("Europe/Lisbon"), PT_PT).day().toString(), "half past midnight in Lisbon is already the 2nd");
    }

    @Test
    void shouldJoinNamesWithTheLanguagesOwnConjunction() {
        assertEquals("Coco", Formats.list(List.of("Coco"), Locale.UK));
        assertEquals("Coco and Pip", Formats.list(List.of("Coco", "Pip"), Locale.UK));
        assertEquals("Coco, Pip and Rex", Formats.list(List.of("Coco", "Pip", "Rex"), Locale.UK));
        assertEquals("Coco, Pip, and Rex", Formats.list(List.of("Coco", "Pip", "Rex"), Locale.US));
        assertEquals("Coco e Pip", Formats.list(List.of("Coco", "Pip"), PT_PT));
        assertEquals("Coco, Pip e Rex", Formats.list(List.of("Coco", "Pip", "Rex"), PT_PT));
        assertEquals("Coco y Pip", Formats.list(List.of("Coco", "Pip"), ES_ES));
        assertEquals("Coco, Pip y Rex", Formats.list(List.of("Coco", "Pip", "Rex"), ES_ES));
        assertEquals("Coco e Isa", Formats.list(List.of("Coco", "Isa"), ES_ES), "Spanish 'y' becomes 'e' before an i sound");
        assertEquals("Coco y Hierro", Formats.list(List.of("Coco", "Hierro"), ES_ES), "but not before 'hie'");
        assertEquals("Coco and Pip", new Names(List.of("Coco", "Pip"), Locale.UK).toString());
    }

    @Test
    void shouldWritePhoneNumbersNationallyAtHomeAndInternationallyAbroad() {
        assertEquals("020 7946 0000", Formats.phone("+44 20 7946 0000", "GB", false));
        assertEquals("+44 20 7946 0000", Formats.phone("+44 20 7946 0000", "PT", false));
        assertEquals("+44 20 7946 0000", Formats.phone("+44 20 7946 0000", null, false));
        assertEquals("21 234 5678", Formats.phone("+351212345678", "PT", false));
        assertEquals("not a number", Formats.phone("not a number", "GB", false));
    }

    @Test
    void shouldKeepAPhoneNumberOnOneLineOfACard() {
        String onCard = Formats.phone("+44 20 7946 0000", "GB", true);
        assertEquals("020\u00A07946\u00A00000", onCard);
        Set<Character> breakable = onCard.chars().mapToObj(c -> (char) c).filter(Character::isWhitespace).collect(Collectors.toSet());
        assertTrue(breakable.isEmpty(), "no character a line can break at: " + breakable);
    }

    @Test
    void shouldFallBackFromBrazilianToPortugueseToEnglishForFixedWords() {
        assertEquals("A equipa da Clínica", FixedWords.get(PT_BR, FixedWords.TEAM_SIGNATURE, java.util.Map.of("clinic", "Clínica")));
        assertEquals("The team at Clinic", FixedWords.get(Locale.FRANCE, FixedWords.TEAM_SIGNATURE, java.util.Map.of("clinic", "Clinic")));
    }

    @Test
    void shouldHaveEveryFixedWordInEveryLanguage() throws IOException {
        Set<Object> english = words("words.properties").keySet();
        for (String language : List.of("pt", "es")) {
            assertEquals(english, words("words_" + language + ".properties").keySet(), language + " differs from English");
        }
    }

    private static Properties words(String file) throws IOException {
        Properties words = new Properties();
        try (InputStream in = FixedWords.class.getResourceAsStream("/fixed-words/" + file)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    @Test
    void shouldSignWithTheStaffMemberOrTheClinicButNeverNameTheClinicTwice() {
        assertEquals("Dr. Rui Costa\nTend", Signature.of("Dr. Rui Costa", "Tend", "The team at Tend").toString());
        assertEquals("The team at Tend", Signature.of(null, "Tend", "The team at Tend").toString());
        assertEquals("Dr. Rui Costa<br>Tend", Signature.of("Dr. Rui Costa", "Tend", "The team at Tend").html().getValue());
        assertEquals("Yours, the vets\nTend", Signature.of(" ", "Tend", "Yours, the vets").toString());
    }
}
