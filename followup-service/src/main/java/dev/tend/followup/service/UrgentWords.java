package dev.tend.followup.service;

import dev.tend.followup.FollowupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which of the configured urgent words a customer's message mentions. A word or phrase matches as a whole word
 * ("bleeding" in "she is Bleeding!", not in "unbleedingly"), whatever the case and accents ("convulsão" matches
 * "CONVULSAO" and the other way round), with any run of spaces between a phrase's words.
 */
@ApplicationScoped
public class UrgentWords {

    private final Map<String, Pattern> patterns;

    @Inject
    public UrgentWords(FollowupConfig config) {
        this(config.replies().urgentWords());
    }

    private UrgentWords(List<String> words) {
        this.patterns = words.stream()
                .map(String::trim)
                .filter(w -> !w.isEmpty())
                .distinct()
                .collect(Collectors.toMap(w -> w, UrgentWords::pattern, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The rule over a given list of words rather than the configured ones. */
    public static UrgentWords of(List<String> words) {
        return new UrgentWords(words);
    }

    /** The urgent words {@code text} mentions, as configured, in configuration order; empty when none. */
    public List<String> in(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = fold(text);
        return patterns.entrySet().stream()
                .filter(e -> e.getValue().matcher(folded).find())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Lower case without accents, typographic apostrophes made plain, so "Não" and "nao", "can’t" and "can't" compare equal. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    private static Pattern pattern(String word) {
        String[] parts = fold(word).split("\\s+");
        String body = java.util.Arrays.stream(parts).map(Pattern::quote).collect(Collectors.joining("\\s+"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])");
    }
}
