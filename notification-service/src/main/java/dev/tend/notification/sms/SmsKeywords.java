package dev.tend.notification.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which texts are the keywords that act at once (stop, start again, help), in the languages Tend writes in.
 *
 * <p>A keyword is the whole text, as carriers and providers define it, never its first word: "Cancel my
 * appointment on Friday" or "Stop by later?" are messages for a person, and opting their sender out would be
 * the very mistake a clinic cannot afford. Case, accents, surrounding spaces and trailing punctuation do not
 * matter ("Parar.", "ayuda!", "COMEÇAR").
 */
public final class SmsKeywords {

    /** What a keyword asks for. */
    public enum Keyword { STOP, START, HELP }

    private static final Set<String> STOP = Set.of(
            "STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", // the carriers' standard set (English)
            "PARAR", "PARE", "SAIR", "CANCELAR",                       // Portuguese
            "BAJA", "DETENER", "ALTO");                                // Spanish (CANCELAR, PARAR shared)
    private static final Set<String> START = Set.of(
            "START", "UNSTOP",
            "INICIAR", "COMECAR", "RECOMECAR",
            "ALTA", "EMPEZAR", "REANUDAR");
    private static final Set<String> HELP = Set.of(
            "HELP", "INFO",
            "AJUDA",
            "AYUDA");

    private SmsKeywords() {
    }

    /** The keyword the whole {@code body} is, if it is one. */
    public static Optional<Keyword> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = Normalizer.normalize(body.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\\p{Punct}¡¿\\s]+$", "")
                .replaceAll("^[\\p{Punct}¡¿]+", "")
                .toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            return Optional.of(Keyword.STOP);
        }
        if (START.contains(word)) {
            return Optional.of(Keyword.START);
        }
        if (HELP.contains(word)) {
            return Optional.of(Keyword.HELP);
        }
        return Optional.empty();
    }
}
