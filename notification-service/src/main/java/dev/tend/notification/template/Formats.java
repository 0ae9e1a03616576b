package dev.tend.notification.template;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a person at the clinic writes dates, times, lists of names and phone numbers in the household's language.
 * Pure functions of their arguments: templates reach them through {@link HumanDate}, {@link HumanTime},
 * {@link Names} and the phone number the template model formats for its recipient.
 */
public final class Formats {

    /** A non-breaking space: a phone number joined with these never wraps across two lines of a card. */
    public static final char NO_BREAK = '\u00A0';

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Weekday and month in words, no year: the date of a recheck a few weeks away reads as a person says it. */
    private static final Map<String, String> DATE_PATTERNS = Map.of(
            "en", "EEEE d MMMM",
            "en-US", "EEEE, MMMM d",
            "pt", "EEEE, d 'de' MMMM",
            "es", "EEEE, d 'de' MMMM",
            "fr", "EEEE d MMMM",
            "de", "EEEE, d. MMMM");

    /** The word before a list's last name; Spanish says "e" instead of "y" before an "i" sound. */
    private static final Map<String, String> AND = Map.of("en", "and", "pt", "e", "es", "y", "fr", "et", "de", "und");

    private Formats() {
    }

    /** "Thursday 3 December", "quinta-feira, 3 de dezembro", "jueves, 3 de diciembre". */
    public static String date(LocalDate date, Locale locale) {
        String pattern = DATE_PATTERNS.getOrDefault(locale.getLanguage() + "-" + locale.getCountry(),
                DATE_PATTERNS.getOrDefault(locale.getLanguage(), "EEEE d MMMM"));
        return DateTimeFormatter.ofPattern(pattern, locale).format(date);
    }

    /** The time of day on the recipient's own clock: "14:30" in Lisbon, "2:30 PM" in New York. */
    public static String time(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone))
                .replace('\u202F', ' ');
    }

    /**
     * Names joined as the language joins them: "Coco and Pip", "Coco, Pip and Rex" (British English leaves out the
     * serial comma; American English keeps it), "Coco e Pip", "Coco y Pip", "Coco e Isabel".
     */
    public static String list(List<String> names, Locale locale) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        String last = names.get(names.size() - 1);
        String and = AND.getOrDefault(locale.getLanguage(), "and");
        if ("es".equals(locale.getLanguage()) && startsWithISound(last)) {
            and = "e";
        }
        String head = String.join(", ", names.subList(0, names.size() - 1));
        boolean serialComma = "en".equals(locale.getLanguage()) && "US".equals(locale.getCountry()) && names.size() > 2;
        return head + (serialComma ? ", " : " ") + and + " " + last;
    }

    private static boolean startsWithISound(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("hie") || lower.startsWith("hia") || lower.startsWith("hio") || lower.startsWith("hiu")) {
            return false;
        }
        return lower.startsWith("i") || lower.startsWith("í") || lower.startsWith("hi") || lower.startsWith("hí");
    }

    /**
     * A phone number as the recipient dials it: national format when they live in the number's own country
     * ("020 7946 0000"), international otherwise ("+44 20 7946 0000"). With {@code keepTogether} its spaces are
     * non-breaking, for a card. A number libphonenumber cannot read is returned as it was written.
     *
     * @param recipientCountry ISO 3166-1 alpha-2, or null when not known (then international)
     */
    public static String phone(String number, String recipientCountry, boolean keepTogether) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String formatted = number.strip();
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(formatted, recipientCountry == null ? "ZZ" : recipientCountry.toUpperCase(Locale.ROOT));
            if (PHONES.isValidNumber(parsed)) {
                boolean domestic = recipientCountry != null
                        && recipientCountry.equalsIgnoreCase(PHONES.getRegionCodeForNumber(parsed));
                formatted = PHONES.format(parsed, domestic
                        ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
            }
        } catch (NumberParseException e) {
            // printed as the clinic wrote it
        }
        return keepTogether ? formatted.replace(' ', NO_BREAK) : formatted;
    }
}
