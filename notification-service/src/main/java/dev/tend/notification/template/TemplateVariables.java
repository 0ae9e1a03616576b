package dev.tend.notification.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The variables a template may use: followup-service's personalisation keys and the clinic's details. */
public final class TemplateVariables {

    public static final List<String> PERSONALISATION = List.of("customerName", "petName", "petNames", "petPhotoUrl",
            "petPhotoUrls", "visitReason", "visitType", "visitDate", "recheckDate", "staffMember");

    /**
     * Set by notification-service for every email: {@code ratingUrl1} … {@code ratingUrl5}, the signed one-click
     * rating links of that very message.
     */
    public static final String RATING_URL = "ratingUrl";

    public static final List<String> CLINIC = List.of("clinicName", "clinicPhone", "clinicAddress", "clinicSignature");

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
