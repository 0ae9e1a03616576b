package dev.tend.followup.service;

import dev.tend.followup.playbook.PlaybookDefinition.Anchor;
import dev.tend.followup.playbook.PlaybookDefinition.Timing;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an event is recent enough for a step that answers it: a thank-you for a visit a week ago, or a
 * "how did we do?" a month late, would embarrass the clinic. A step's {@code freshFor} is the limit; an event
 * that becomes known later than that plans nothing for the step.
 */
@ApplicationScoped
public class FreshnessPolicy {

    /** @return why the event is too old for the step, or empty when it is fresh enough (or the step has no limit) */
    public Optional<String> stale(Timing timing, Instant eventAt, Instant now) {
        if (timing.freshFor() == null || timing.anchor() != Anchor.EVENT || eventAt == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(eventAt, now);
        if (age.compareTo(timing.freshFor()) <= 0) {
            return Optional.empty();
        }
        return Optional.of("stale: the event at " + eventAt + " became known " + describe(age) + " later, and this step"
                + " answers only events within " + describe(timing.freshFor()));
    }

    private static String describe(Duration duration) {
        if (duration.toHours() >= 48) {
            return duration.toDays() + " days";
        }
        if (duration.toMinutes() >= 120) {
            return duration.toHours() + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
