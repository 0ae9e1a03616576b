package dev.tend.followup.playbook;

import dev.tend.contracts.Channel;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * A playbook as stored (JSON) and exchanged over REST: rules that map a trigger to the steps it plans.
 * Optional fields are null when absent; {@link PlaybookValidator} says what a valid document is.
 */
public record PlaybookDefinition(String key, String name, Boolean enabled, List<Rule> rules) {

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public record Rule(String key, Trigger trigger, List<Step> steps) {
    }

    /**
     * What starts a rule, and the conditions the triggering fact must meet (each one absent = any).
     *
     * @param visitTypes     VISIT_RECORDED only: the visit's type is one of these
     * @param hasRecheckDate VISIT_RECORDED only: the visit has (true) or has not (false) a recheck date
     * @param tags           the household carries at least one of these tags
     * @param species        the pet is one of these species
     * @param everyDays      RELATIONSHIP_CADENCE only: days between touches
     */
    public record Trigger(TriggerEvent event, List<String> visitTypes, Boolean hasRecheckDate, List<String> tags,
                          List<String> species, Integer everyDays) {
    }

    public enum TriggerEvent { VISIT_RECORDED, PET_DIED, PET_BIRTHDAY, RELATIONSHIP_CADENCE }

    /**
     * One planned touch.
     *
     * @param channels           in order of preference; the first usable one is taken, the next ones are fallbacks
     * @param cancelOn           what cancels it besides its pet's death or its visit's cancellation
     * @param quietInBereavement not sent while the household grieves a pet
     * @param serviceMessage     about care the household just received: sent unless the channel was explicitly
     *                           refused, where any other touch needs an explicit opt-in
     * @param team               who makes the call (CALL steps); the clinic's default team when absent
     * @param fitsBereavement    fits a household grieving the pet it is about: the only kind of step planned or sent
     *                           about a deceased or rehomed pet. Absent: true for SYMPATHY steps, false for others
     */
    public record Step(String key, List<Channel> channels, String templateKey, Priority priority, Timing timing,
                       List<CancelCause> cancelOn, Boolean quietInBereavement, Boolean serviceMessage, String team,
                       Boolean fitsBereavement) {

        /** Relationship, feedback and birthday touches always wait out a bereavement, flagged or not. */
        public boolean quietInBereavementOrFalse() {
            return Boolean.TRUE.equals(quietInBereavement) || (priority != null && priority.cheerful());
        }

        public boolean fitsBereavementOrDefault() {
            return fitsBereavement != null ? fitsBereavement : priority == Priority.SYMPATHY;
        }

        public boolean serviceMessageOrFalse() {
            return Boolean.TRUE.equals(serviceMessage);
        }
    }

    /**
     * When a step fires: from its anchor, {@code days} later (business days if {@code businessDays}), at the
     * local time {@code at} (or the anchor's time of day), plus {@code offset}; then moved to the next slot
     * its {@code window} allows. Postcards fire the mailing lead time earlier so they arrive on the day.
     *
     * @param offsetSetting  a named setting to use as offset instead of {@code offset}: {@code visit-thank-you-delay}
     * @param expireAtAnchor the step is pointless once its anchor passed (a reminder after the recheck)
     * @param freshFor       EVENT anchor only: the step answers a recent event (a thank-you, a next-day call, a
     *                       feedback request), so an event older than this when it becomes known plans nothing.
     *                       Absent: no limit
     */
    public record Timing(Anchor anchor, Integer days, Boolean businessDays, Duration offset, String offsetSetting,
                         LocalTime at, Window window, Boolean expireAtAnchor, Duration freshFor) {

        public int daysOrZero() {
            return days == null ? 0 : days;
        }
    }

    /** EVENT: the visit's time, the moment a death became known, a birthday, the last touch of a cadence. */
    public enum Anchor { EVENT, RECHECK_DATE }

    /** QUIET_HOURS: not in the recipient's quiet hours (SMS, email); BUSINESS_HOURS: clinic hours (calls). */
    public enum Window { QUIET_HOURS, BUSINESS_HOURS, ANY }

    public enum CancelCause { RECHECK_VISIT }

    /** Highest first: what fires first when several are due, and what a household cap never holds back. */
    public enum Priority {
        SYMPATHY, CLINICAL, RELATIONSHIP, FEEDBACK, BIRTHDAY;

        public int rank() {
            return ordinal() + 1;
        }

        /** Sympathy and clinical touches are never held back by household caps. */
        public boolean capped() {
            return rank() > CLINICAL.rank();
        }

        /** Relationship, feedback and birthday touches: out of place while a household grieves. */
        public boolean cheerful() {
            return rank() > CLINICAL.rank();
        }
    }
}
