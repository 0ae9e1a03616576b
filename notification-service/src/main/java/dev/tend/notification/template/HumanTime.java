package dev.tend.notification.template;

import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A moment as a template prints it: the time of day on the recipient's own clock ("14:30", "2:30 PM"). */
@TemplateData
public record HumanTime(Instant instant, ZoneId zone, Locale locale) {

    /** The day in the recipient's zone, in words. */
    public HumanDate day() {
        return new HumanDate(instant.atZone(zone).toLocalDate(), locale);
    }

    @Override
    public String toString() {
        return Formats.time(instant, zone, locale);
    }
}
