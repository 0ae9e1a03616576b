package dev.tend.notification.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a template may use: followup-service's personalisation keys, what the service derives from them,
 * and the clinic's details.
 *
 * <ul>
 *   <li>{@code customerName}, {@code visitReason}, {@code visitType}, {@code staffMember}: text as sent.</li>
 *   <li>{@code visitDate}, {@code recheckDate}: {@link HumanDate}s, printed in words ("Thursday 3 December").</li>
 *   <li>{@code visitedAt}: a {@link HumanTime}, printed as the time of day in the recipient's zone.</li>
 *   <li>{@code pets}: the pets as {@link PetView}s; {@code pet} is the first; {@code petName} its name;
 *       {@code petNames} all their names, printed as the language joins them ("Coco and Pip").</li>
 *   <li>{@code petPhotoUrl}, {@code petPhotoUrls}: the first photo's URL, and all of them as a list.</li>
 *   <li>{@code signature}: a {@link Signature} (staff member and clinic, or the clinic's own signature).</li>
 *   <li>{@code clinicName}, {@code clinicPhone} (national for a domestic recipient, else international),
 *       {@code clinicAddress}, {@code clinicSignature} (in the message's language).</li>
 * </ul>
 */
public final class TemplateVariables {

    public static final List<String> PERSONALISATION = List.of("customerName", "petName", "petNames", "petPhotoUrl",
            "petPhotoUrls", "visitReason", "visitType", "visitDate", "visitedAt", "recheckDate", "staffMember");

    public static final List<String> DERIVED = List.of("pets", "pet", "signature");

    /**
     * Set by notification-service for every email: {@code ratingUrl1} … {@code ratingUrl5}, the signed one-click
     * rating links of that very message.
     */
    public static final String RATING_URL = "ratingUrl";

    public static final List<String> CLINIC = List.of("clinicName", "clinicPhone", "clinicAddress", "clinicSignature");

    /** Personalisation values that are ISO-8601 dates and reach templates as {@link HumanDate}s. */
    public static final List<String> DATES = List.of("visitDate", "recheckDate");

    /** Personalisation values that are ISO-8601 instants and reach templates as {@link HumanTime}s. */
    public static final List<String> MOMENTS = List.of("visitedAt");

    /** Values for a preview: every variable set, so a template that uses anything else is caught. */
    public static final Map<String, String> SAMPLE;

    static {
        Map<String, String> sample = new LinkedHashMap<>();
        sample.put("customerName", "Mia Wong");
        sample.put("petName", "Biscuit");
        sample.put("petNames", "Biscuit, Pepper");
        sample.put("petPhotoUrl", "https://example.com/photos/biscuit.jpg");
        sample.put("petPhotoUrls", "https://example.com/photos/biscuit.jpg,https://example.com/photos/pepper.jpg");
        sample.put("visitReason", "a dental clean");
        sample.put("visitType", "dental");
        sample.put("visitDate", "2026-03-14");
        sample.put("visitedAt", "2026-03-14T14:30:00Z");
        sample.put("recheckDate", "2026-04-11");
        sample.put("staffMember", "Dr. Sam Ortiz");
        for (int rating = 1; rating <= 5; rating++) {
            sample.put(RATING_URL + rating, "https://example.com/rate/sample-" + rating);
        }
        SAMPLE = Map.copyOf(sample);
    }

    private TemplateVariables() {
    }
}
