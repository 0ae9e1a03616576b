package dev.tend.notification.sms;

import dev.tend.notification.sms.SmsKeywords.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The texts that act at once, and the ones that must reach a person instead. */
class SmsKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "Unsubscribe", "cancel", "end", "quit",
            "Parar", "pare!", "Sair", "cancelar", "Baja", "detener", "¡Alto!"})
    void shouldStopOnAStopWordInAnyOfTheLanguages(String body) {
        assertEquals(Optional.of(Keyword.STOP), SmsKeywords.of(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", "Iniciar", "COMEÇAR", "começar", "Recomeçar", "Alta", "empezar"})
    void shouldStartAgainOnAStartWord(String body) {
        assertEquals(Optional.of(Keyword.START), SmsKeywords.of(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help?", "Info", "Ajuda", "ajuda!", "Ayuda", "¿Ayuda?"})
    void shouldAnswerAHelpWord(String body) {
        assertEquals(Optional.of(Keyword.HELP), SmsKeywords.of(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cancel my appointment on Friday", "Stop by later?", "Help, she is limping again",
            "Parar de dar o antibiótico?", "Alta fiebre desde ayer", "Yes please call me", "", "   ", "stopp"})
    void shouldLeaveAMessageForAPersonWhenTheTextIsMoreThanAKeyword(String body) {
        assertEquals(Optional.empty(), SmsKeywords.of(body));
    }
}
