package dev.tend.followup.service;

import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.Pet;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one place that decides what a grieving household may be sent, whatever the order in which a death, a
 * rehoming, a visit or a correction became known. Planning, firing and plan changes all ask it.
 *
 * <ul>
 *   <li><b>About the pet.</b> A touch about a deceased or rehomed pet is cancelled unless its step fits a
 *       bereavement (a sympathy card, a bereavement call). A household card about several pets just stops
 *       mentioning the one that is gone.</li>
 *   <li><b>About the household.</b> Inside the bereavement window, a touch that waits out a bereavement (feedback
 *       requests, birthday cards, relationship calls) is suppressed; a recurring one (a relationship cadence) waits
 *       until the window ends.</li>
 * </ul>
 */
@ApplicationScoped
public class BereavementPolicy {

    /** What to do with a touch, and why. */
    public enum Verdict {
        /** Nothing in the household's grief stands in its way. */
        PROCEED,
        /** It no longer speaks of {@link Decision#departedPets()}, and goes on about the others. */
        DROP_PETS,
        /** It is about a pet that is gone: cancelled. */
        CANCEL,
        /** The household grieves: not sent. */
        SUPPRESS,
        /** The household grieves: moved to {@link Decision#until()}. */
        WAIT
    }

    /** @param reason for the timeline: which pet is gone, or until when the household grieves */
    public record Decision(Verdict verdict, String reason, Instant until, List<UUID> departedPets) {

        static final Decision PROCEED = new Decision(Verdict.PROCEED, null, null, List.of());

        public boolean proceeds() {
            return verdict == Verdict.PROCEED;
        }
    }

    private final ClinicCalendar calendar;
    private final Timeline timeline;

    public BereavementPolicy(ClinicCalendar calendar, Timeline timeline) {
        this.calendar = calendar;
        this.timeline = timeline;
    }

    /**
     * Whether {@code task} fits the household and its pets when it would reach them.
     *
     * @param at when the touch would reach the household: its due time when planned or re-planned, now when it fires
     */
    public Decision decide(FollowupTask task, CustomerProfile customer, Instant at) {
        if (!task.fitsBereavement) {
            List<UUID> pets = task.pets();
            List<UUID> departed = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (UUID petId : pets) {
                Pet pet = Pet.findById(petId);
                if (pet != null && !Pet.ACTIVE.equals(pet.status)) {
                    departed.add(petId);
                    reasons.add(Pet.DECEASED.equals(pet.status) ? pet.name + " died" : pet.name + " is " + pet.status);
                }
            }
            if (!departed.isEmpty()) {
                String reason = String.join("; ", reasons);
                return new Decision(departed.size() < pets.size() ? Verdict.DROP_PETS : Verdict.CANCEL, reason, null, departed);
            }
        }
        // A call already on the worklist is for staff to judge; only what is still to be sent waits.
        boolean unsent = task.status == null || task.status == Status.PENDING;
        if (unsent && task.quietInBereavement && customer.bereavedUntil != null && at.isBefore(customer.bereavedUntil)) {
            String reason = "the household is in bereavement until " + customer.bereavedUntil;
            if (task.repeatEvery != null) {
                ZoneId zone = task.isCall() ? calendar.clinicZone() : ZoneId.of(customer.timezone);
                return new Decision(Verdict.WAIT, reason,
                        calendar.nextAllowed(customer.bereavedUntil, Window.valueOf(task.windowKind), zone), List.of());
            }
            return new Decision(Verdict.SUPPRESS, reason, null, List.of());
        }
        return Decision.PROCEED;
    }

    /**
     * Applies a decision to a task not yet saved: its fate and the reason go on the timeline when it is.
     *
     * @return whether the task is still to be sent
     */
    public boolean applyToPlan(FollowupTask task, Decision decision) {
        switch (decision.verdict()) {
            case PROCEED -> {
                return true;
            }
            case WAIT -> {
                task.dueAt = decision.until();
                task.planNotes.add(new FollowupTask.PlanNote(Timeline.DEFERRED, "to " + decision.until() + ": " + decision.reason()));
                return true;
            }
            case DROP_PETS -> {
                List<UUID> pets = new ArrayList<>(task.pets());
                pets.removeAll(decision.departedPets());
                task.petId = pets.get(0);
                task.petIds = FollowupTask.join(pets);
                task.planNotes.add(new FollowupTask.PlanNote(Timeline.MERGED, "does not mention: " + decision.reason()));
                return true;
            }
            case CANCEL -> {
                task.status = Status.CANCELLED;
                task.statusReason = decision.reason();
                return false;
            }
            default -> {
                task.status = Status.SUPPRESSED;
                task.statusReason = decision.reason();
                return false;
            }
        }
    }

    /**
     * Applies a decision to a saved task (firing, plan changes), writing it to the timeline.
     *
     * @return whether the task is still to be sent (or, a call, still on the worklist)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(FollowupTask task, Decision decision) {
        switch (decision.verdict()) {
            case PROCEED -> {
                return true;
            }
            case WAIT -> {
                if (task.expiresAt != null && !decision.until().isBefore(task.expiresAt)) {
                    timeline.settle(task, Status.EXPIRED, "held back (" + decision.reason() + ") past its moment at " + task.expiresAt);
                    return false;
                }
                if (!decision.until().equals(task.dueAt)) {
                    task.dueAt = decision.until();
                    timeline.record(task, Timeline.DEFERRED, "to " + decision.until() + ": " + decision.reason());
                }
                return true;
            }
            case DROP_PETS -> {
                List<UUID> pets = new ArrayList<>(task.pets());
                pets.removeAll(decision.departedPets());
                task.petId = pets.get(0);
                task.petIds = FollowupTask.join(pets);
                timeline.record(task, Timeline.MERGED, "no longer mentions " + FollowupPlanner.petNames(decision.departedPets())
                        + ": " + decision.reason());
                return true;
            }
            case CANCEL -> {
                timeline.settle(task, Status.CANCELLED, decision.reason());
                return false;
            }
            default -> {
                timeline.settle(task, Status.SUPPRESSED, decision.reason());
                return false;
            }
        }
    }
}
