package dev.tend.notification.inbound;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rating out of a reply to "how did we do?": "5", "4/5", "5 stars", "five", "cinco estrelas", "⭐⭐⭐⭐".
 * A message is a rating only when the rating is all it says, or when it names the scale ("4/5, lovely staff"):
 * "2 dogs are sick" is a reply, not a rating.
 */
public final class TextedRatings {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            // Portuguese (accents are folded before matching: tres, quatro)
            Map.entry("um", 1), Map.entry("uma", 1), Map.entry("dois", 2), Map.entry("duas", 2), Map.entry("tres", 3),
            Map.entry("quatro", 4), Map.entry("cinco", 5),
            // Spanish
            Map.entry("uno", 1), Map.entry("una", 1), Map.entry("dos", 2), Map.entry("cuatro", 4));

    private static final String NUMBER = "([1-5]|" + String.join("|", WORDS.keySet()) + ")";
    /** The scale named after the number: "/5", "out of 5", "de 5", "stars", "estrelas", "estrellas". */
    private static final String SCALE = "(\\s*/\\s*5|\\s+out\\s+of\\s+(5|five)|\\s+(de|em)\\s+(5|cinco)"
            + "|\\s*(stars?|estrelas?|estrellas?)(\\s+(out\\s+of|de|em)\\s+(5|five|cinco))?)";
    private static final Pattern ALONE = Pattern.compile("^" + NUMBER + SCALE + "?[\\s.!]*$");
    private static final Pattern WITH_SCALE = Pattern.compile("^" + NUMBER + SCALE + "(?![\\w])");
    private static final Pattern STARS = Pattern.compile("^(\\u2b50|\\u2605){1,5}[\\s.!]*$");

    private TextedRatings() {
    }

    public static Optional<Integer> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\ufe0f", "");
        Matcher stars = STARS.matcher(folded);
        if (stars.matches()) {
            return Optional.of(folded.replaceAll("[^\\u2b50\\u2605]", "").length());
        }
        Matcher alone = ALONE.matcher(folded);
        if (alone.matches()) {
            return Optional.of(value(alone.group(1)));
        }
        Matcher withScale = WITH_SCALE.matcher(folded);
        if (withScale.find()) {
            return Optional.of(value(withScale.group(1)));
        }
        return Optional.empty();
    }

    private static int value(String number) {
        return number.length() == 1 && Character.isDigit(number.charAt(0))
                ? Integer.parseInt(number)
                : WORDS.get(number);
    }
}
