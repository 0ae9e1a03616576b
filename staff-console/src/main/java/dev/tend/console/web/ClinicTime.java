package dev.tend.console.web;

import dev.tend.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the clinic reads them: in its own zone, whoever's browser shows the page. Templates: {@code inject:clinic}. */
@Named("clinic")
@ApplicationScoped
public class ClinicTime {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;
    private final Clock clock;

    public ClinicTime(ConsoleConfig config, Clock clock) {
        this.zone = config.clinicTimezone();
        this.clock = clock;
    }

    public String time(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(zone));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** The value of a {@code datetime-local} input, in the clinic's zone. */
    public String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    public String zoneName() {
        return zone.getId();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Instant now() {
        return clock.instant();
    }

    /** A {@code datetime-local} value read as clinic time. */
    public OffsetDateTime parseInput(String value) {
        return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
    }
}
