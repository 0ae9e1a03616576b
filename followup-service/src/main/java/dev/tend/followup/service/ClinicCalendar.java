package dev.tend.followup.service;

import dev.tend.followup.FollowupConfig;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a touch may happen: outside the recipient's quiet hours for SMS and email, within clinic hours on
 * business days for calls. Times are computed on local dates and times, so 09:00 stays 09:00 across a DST
 * change; a local time that does not exist (skipped by DST) becomes the first one after the gap.
 */
@ApplicationScoped
public class ClinicCalendar {

    private final FollowupConfig config;
    private final ZoneId clinicZone;
    private final List<LocalDate> holidays;

    public ClinicCalendar(FollowupConfig config) {
        this.config = config;
        this.clinicZone = ZoneId.of(config.clinic().timezone());
        this.holidays = config.clinic().holidays().orElse(List.of());
    }

    public ZoneId clinicZone() {
        return clinicZone;
    }

    public boolean isBusinessDay(LocalDate date) {
        return config.clinic().businessDays().contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** {@code days} business days after {@code date}; 0 is the date itself when it is a business day, else the next one. */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        LocalDate result = date;
        int remaining = days;
        while (remaining > 0 || !isBusinessDay(result)) {
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                remaining--;
            }
        }
        return result;
    }

    /** The first moment at or after {@code at} that {@code window} allows. */
    public Instant nextAllowed(Instant at, Window window, ZoneId recipientZone) {
        return switch (window) {
            case ANY -> at;
            case QUIET_HOURS -> afterQuietHours(at, recipientZone);
            case BUSINESS_HOURS -> withinBusinessHours(at);
        };
    }

    /** Why {@code window} holds a touch back at {@code at}, for the timeline. */
    public String describe(Window window) {
        return switch (window) {
            case ANY -> "";
            case QUIET_HOURS -> "the recipient's quiet hours (" + config.quietHours().start() + "-" + config.quietHours().end() + " local)";
            case BUSINESS_HOURS -> "outside clinic hours (" + config.clinic().opens() + "-" + config.clinic().closes() + " on business days)";
        };
    }

    private Instant afterQuietHours(Instant at, ZoneId zone) {
        LocalTime start = config.quietHours().start();
        LocalTime end = config.quietHours().end();
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (start.isAfter(end)) {
            if (!time.isBefore(start)) {
                return ZonedDateTime.of(local.toLocalDate().plusDays(1), end, zone).toInstant();
            }
            if (time.isBefore(end)) {
                return ZonedDateTime.of(local.toLocalDate(), end, zone).toInstant();
            }
            return at;
        }
        if (!time.isBefore(start) && time.isBefore(end)) {
            return ZonedDateTime.of(local.toLocalDate(), end, zone).toInstant();
        }
        return at;
    }

    private Instant withinBusinessHours(Instant at) {
        ZonedDateTime local = at.atZone(clinicZone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (isBusinessDay(date)) {
            if (time.isBefore(config.clinic().opens())) {
                return ZonedDateTime.of(date, config.clinic().opens(), clinicZone).toInstant();
            }
            if (time.isBefore(config.clinic().closes())) {
                return at;
            }
        }
        // A call planned for 10:00 on a Saturday is made at 10:00 on Monday; one planned after closing, at opening.
        boolean timeWithinHours = !time.isBefore(config.clinic().opens()) && time.isBefore(config.clinic().closes());
        LocalDate next = isBusinessDay(date) ? plusBusinessDays(date, 1) : plusBusinessDays(date, 0);
        return ZonedDateTime.of(next, timeWithinHours ? time : config.clinic().opens(), clinicZone).toInstant();
    }
}
