package dev.tend.notification.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The rating page's words in English, Portuguese and Spanish ({@code rating-page/<language>.properties}). */
public final class RatingPageWords {

    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

    private RatingPageWords() {
    }

    /** The words for a BCP 47 locale ({@code pt-PT}, {@code es}); English when the language has none. */
    public static Properties of(String locale) {
        String language = locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
        return LOADED.computeIfAbsent(language, RatingPageWords::load);
    }

    public static String language(String locale) {
        String language = locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
        return RatingPageWords.class.getResource("/rating-page/" + language + ".properties") == null ? "en" : language;
    }

    private static Properties load(String language) {
        InputStream in = RatingPageWords.class.getResourceAsStream("/rating-page/" + language + ".properties");
        if (in == null) {
            in = RatingPageWords.class.getResourceAsStream("/rating-page/en.properties");
        }
        Properties words = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            words.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
