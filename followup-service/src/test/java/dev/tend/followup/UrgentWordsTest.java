package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.conversation.MessageKind;
import dev.tend.followup.service.ReplyTriage;
import dev.tend.followup.service.ReplyTriage.Decision;
import dev.tend.followup.service.UrgentWords;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The urgent-word and rating rules on their own: whole words, any case, any accents; what is "only a rating". */
class UrgentWordsTest {

    private static final UrgentWords WORDS = UrgentWords.of(List.of("bleeding", "not breathing", "convulsão",
            "seizure", "no respira"));
    private static final ReplyTriage TRIAGE = new ReplyTriage(WORDS);

    @Test
    void shouldFindUrgentWordsAsWholeWordsWhateverTheirCaseAndAccents() {
        assertEquals(List.of("bleeding"), WORDS.in("She is BLEEDING from the paw!"));
        assertEquals(List.of("not breathing"), WORDS.in("he's not\n breathing properly"));
        assertEquals(List.of("convulsão"), WORDS.in("A Luna teve uma CONVULSAO agora"));
        assertEquals(List.of("convulsão"), WORDS.in("teve uma convulsão."));
        assertEquals(List.of("no respira"), WORDS.in("Mi perro NO RESPÍRA bien"));
        assertEquals(List.of("bleeding", "seizure"), WORDS.in("a seizure, then bleeding"));
    }

    @Test
    void shouldNotMistakePartsOfWordsForUrgentWords() {
        assertEquals(List.of(), WORDS.in("no more nosebleedings, the seizures stopped"));
        assertEquals(List.of(), WORDS.in("she is breathing fine, not a worry"));
        assertEquals(List.of(), WORDS.in(""));
        assertEquals(List.of(), WORDS.in(null));
    }

    @Test
    void shouldTreatATextThatIsOnlyARatingAsFeedbackAndAnyWordsBeyondItAsAReply() {
        for (String onlyARating : List.of("5", "4/5", " 4 / 5 ", "5 stars", "five", "Five!", "4 out of 5", "cinco estrelas", "⭐ 5")) {
            Decision decision = TRIAGE.decide(reply(onlyARating, 5));
            assertFalse(decision.needsPerson(), onlyARating);
            assertEquals(5, decision.rating());
        }
        for (String words : List.of("2 - we waited an hour", "5, thank you Dr Patel", "3 but the bill was wrong")) {
            assertTrue(TRIAGE.decide(reply(words, 2)).needsPerson(), words);
        }
        Decision plain = TRIAGE.decide(reply("Rex is bleeding again", null));
        assertTrue(plain.needsPerson());
        assertTrue(plain.urgent());
        assertNull(plain.rating());
        assertTrue(TRIAGE.decide(reply("", null)).needsPerson(), "a reply with no words (a picture) still needs a person");
    }

    @Test
    void shouldPutARatingLinkWithACommentBeforeAPersonAndOneWithoutNot() {
        assertFalse(TRIAGE.decide(rating(5, "")).needsPerson());
        assertTrue(TRIAGE.decide(rating(4, "lovely nurses; is there parking?")).needsPerson());
    }

    private static CustomerMessageReceived reply(String body, Integer rating) {
        return new CustomerMessageReceived(UUID.randomUUID(), UUID.randomUUID(), Channel.SMS, MessageKind.REPLY, "+447700900123",
                body, Instant.now(), List.of(), null, rating, List.of());
    }

    private static CustomerMessageReceived rating(int rating, String comment) {
        return new CustomerMessageReceived(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL, MessageKind.RATING,
                "ana@example.com", comment, Instant.now(), List.of(), null, rating, List.of());
    }
}
