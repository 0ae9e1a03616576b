package dev.tend.notification.template;

import dev.tend.contracts.notification.NotificationRequested;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one message is rendered from: the request's personalisation and pets, and what the recipient's dates,
 * times and phone numbers are formatted for.
 *
 * @param pets             the pets in order; null for a request written before the contract carried them, whose
 *                         {@code petNames} (joined with ", ") and {@code petPhotoUrls} (joined with ",") are read instead
 * @param recipientLocale  a BCP 47 tag, or null
 * @param recipientZone    an IANA zone id, or null
 * @param recipientCountry ISO 3166-1 alpha-2 of where the recipient lives, or null
 */
public record MessageData(Map<String, String> personalisation, List<NotificationRequested.Pet> pets,
                          String recipientLocale, String recipientZone, String recipientCountry) {

    public MessageData {
        personalisation = personalisation == null ? Map.of() : personalisation;
    }

    /** Data given as variables alone (a preview's sample or a staff member's own values). */
    public static MessageData of(Map<String, String> personalisation, String locale) {
        String country = locale == null ? null : Locale.forLanguageTag(locale).getCountry();
        return new MessageData(personalisation, null, locale, null, country == null || country.isEmpty() ? null : country);
    }

    /** The pets, from the typed list or, for older records, from the joined strings. */
    public List<NotificationRequested.Pet> petList() {
        if (pets != null) {
            return pets.stream().filter(p -> p != null && p.name() != null && !p.name().isBlank()).toList();
        }
        String joined = personalisation.getOrDefault("petNames", personalisation.get("petName"));
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        List<String> photos = split(personalisation.getOrDefault("petPhotoUrls", personalisation.get("petPhotoUrl")), ",");
        List<String> names = split(joined, ", ");
        List<NotificationRequested.Pet> legacy = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            legacy.add(new NotificationRequested.Pet(names.get(i), null, names.size() == photos.size() ? photos.get(i) : null));
        }
        return legacy;
    }

    /** The first pet's photo: from the typed list or, for older records, the {@code petPhotoUrl} they carried. */
    public String firstPhotoUrl() {
        return petList().stream().map(NotificationRequested.Pet::photoUrl).filter(url -> url != null && !url.isBlank())
                .findFirst().orElse(pets == null ? personalisation.get("petPhotoUrl") : null);
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(java.util.regex.Pattern.quote(separator))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
