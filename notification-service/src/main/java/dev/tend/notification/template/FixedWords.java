package dev.tend.notification.template;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words that come with every message rather than from a template: the email footer, the clinic's signature
 * when nobody signs, the answers to STOP/START/HELP texts. They live in {@code fixed-words/words[_lang].properties}
 * and follow the same chain as templates: {@code pt-BR}, then {@code pt}, then English; never the JVM's own locale.
 * A value names what it needs as {@code {clinic}}, {@code {phone}}, {@code {link}}.
 */
public final class FixedWords {

    public static final String TEAM_SIGNATURE = "team.signature";
    public static final String EMAIL_FOOTER_TEXT = "email.footer.text";
    public static final String EMAIL_FOOTER_LINK = "email.footer.link";
    public static final String SMS_STARTED = "sms.started";
    public static final String SMS_HELP = "sms.help";

    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private FixedWords() {
    }

    public static String get(Locale locale, String key, Map<String, String> values) {
        String text;
        try {
            text = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No fixed words '" + key + "' for " + locale, e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("fixed-words.words", locale, FixedWords.class.getClassLoader(), NO_JVM_FALLBACK);
    }
}
