package dev.tend.followup.service;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.Pet;
import dev.tend.followup.Touch;
import dev.tend.followup.Visit;
import dev.tend.followup.playbook.PlaybookDefinition.CancelCause;
import dev.tend.followup.playbook.PlaybookDefinition.TriggerEvent;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import dev.tend.followup.playbook.Playbooks;
import dev.tend.followup.service.CustomerProfiles.Reachability;
import dev.tend.followup.service.FollowupPlanner.TriggerContext;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What each customer event does to the plan: keeps the read model, plans new tasks, and cancels, re-plans
 * or re-routes pending ones by itself. Runs inside the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanChanges {

    private static final List<Status> LIVE = List.of(Status.PENDING, Status.OPEN);

    private final CustomerProfiles profiles;
    private final Playbooks playbooks;
    private final FollowupPlanner planner;
    private final PeriodicPlanner periodic;
    private final TaskFiring firing;
    private final BereavementPolicy bereavement;
    private final ClinicCalendar calendar;
    private final Timeline timeline;
    private final TouchLedger touches;
    private final FollowupConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditTrail audit;

    public PlanChanges(CustomerProfiles profiles, Playbooks playbooks, FollowupPlanner planner, PeriodicPlanner periodic,
                       TaskFiring firing, BereavementPolicy bereavement, ClinicCalendar calendar, Timeline timeline,
                       TouchLedger touches, FollowupConfig config, Outbox outbox, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.profiles = profiles;
        this.playbooks = playbooks;
        this.planner = planner;
        this.periodic = periodic;
        this.firing = firing;
        this.bereavement = bereavement;
        this.calendar = calendar;
        this.timeline = timeline;
        this.touches = touches;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void onCustomer(CustomerSnapshot snapshot) {
        CustomerProfile known = profiles.find(snapshot.customerId());
        Set<String> tagsBefore = Optional.ofNullable(known).map(CustomerProfiles::tags).orElse(Set.of());
        Reachability before = known == null ? null : Reachability.of(known);
        if (!profiles.apply(snapshot)) {
            return;
        }
        CustomerProfile customer = profiles.find(snapshot.customerId());
        if (before != null) {
            followHousehold(customer, before);
        }
        Set<String> tags = CustomerProfiles.tags(customer);
        if (!tags.equals(tagsBefore)) {
            cancelCadencesNoLongerTagged(customer, tags);
            periodic.planCadences(customer);
        }
    }

    public void onConsentChanged(ConsentChanged changed) {
        CustomerProfile customer = requireCustomer(changed.customerId(), "consent change");
        Reachability before = Reachability.of(customer);
        if (profiles.apply(customer, changed.consent())) {
            followHousehold(customer, before);
        }
    }

    public void onPet(PetSnapshot snapshot) {
        CustomerProfile customer = requireCustomer(snapshot.customerId(), "pet " + snapshot.petId());
        Pet pet = profiles.apply(snapshot);
        if (!Pet.ACTIVE.equals(pet.status)) {
            reviewLiveTasks(customer);
        }
    }

    public void onPetDied(EventEnvelope envelope, PetSnapshot snapshot) {
        CustomerProfile customer = requireCustomer(snapshot.customerId(), "pet " + snapshot.petId());
        Pet pet = profiles.apply(snapshot);
        pet.status = Pet.DECEASED;
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(config.bereavementDays()));
        if (customer.bereavedUntil == null || customer.bereavedUntil.isBefore(until)) {
            customer.bereavedUntil = until;
        }
        reviewLiveTasks(customer);
        planner.persist(planner.plan(playbooks.rulesFor(TriggerEvent.PET_DIED),
                new TriggerContext(customer, List.of(pet), null, now, envelope.correlationId(), null)));
    }

    public void onVisitRecorded(EventEnvelope envelope, VisitSnapshot snapshot) {
        CustomerProfile customer = requireCustomer(snapshot.customerId(), "visit " + snapshot.visitId());
        Optional<Visit> applied = profiles.apply(snapshot, false);
        if (applied.isEmpty()) {
            return;
        }
        Visit visit = applied.get();
        if (!visit.visitedAt.isAfter(clock.instant())) {
            touches.record(customer.customerId, visit.visitedAt, Touch.VISIT, null);
        }
        if (visit.imported) {
            // History keeps every read model true (the visit, the touch ledger, a recheck that happened) and starts nothing.
            cancelRecheckSteps(customer, visit);
            timeline.note(customer.customerId, Timeline.NOT_PLANNED, describe(visit) + " was recorded as history (imported): nothing is planned from it");
            return;
        }
        cancelRecheckSteps(customer, visit);
        planVisit(customer, visit, envelope.correlationId(), List.of());
    }

    private void cancelRecheckSteps(CustomerProfile customer, Visit visit) {
        if ("recheck".equalsIgnoreCase(visit.visitType) && visit.petId != null) {
            for (FollowupTask task : live("customerId = ?1 and status in ?2", customer.customerId)) {
                if (task.pets().contains(visit.petId) && task.cancelledBy(CancelCause.RECHECK_VISIT.name())) {
                    timeline.settle(task, Status.CANCELLED, "recheck visit recorded on " + visit.visitedAt);
                }
            }
        }
    }

    private static String describe(Visit visit) {
        return "visit " + visit.visitId + " (" + visit.visitType + ", " + visit.visitedAt + ")";
    }

    public void onVisitCorrected(EventEnvelope envelope, VisitSnapshot snapshot) {
        CustomerProfile customer = requireCustomer(snapshot.customerId(), "visit " + snapshot.visitId());
        Optional<Visit> applied = profiles.apply(snapshot, false);
        if (applied.isEmpty()) {
            return;
        }
        List<String> alreadyDone = new ArrayList<>();
        for (FollowupTask task : FollowupTask.<FollowupTask>list("visitId", snapshot.visitId())) {
            if (task.status == Status.PENDING) {
                timeline.settle(task, Status.CANCELLED, "visit corrected; planned again");
            } else if (task.status != Status.CANCELLED) {
                alreadyDone.add(task.rule);
            }
        }
        if (applied.get().imported) {
            timeline.note(customer.customerId, Timeline.NOT_PLANNED, describe(applied.get())
                    + " was corrected; it was recorded as history (imported): nothing is planned from it");
            return;
        }
        planVisit(customer, applied.get(), envelope.correlationId(), alreadyDone);
    }

    public void onVisitCancelled(VisitSnapshot snapshot, String reason) {
        requireCustomer(snapshot.customerId(), "visit " + snapshot.visitId());
        profiles.apply(snapshot, true);
        for (FollowupTask task : live("visitId = ?1 and status in ?2", snapshot.visitId())) {
            timeline.settle(task, Status.CANCELLED, "visit cancelled" + (reason == null ? "" : ": " + reason));
        }
    }

    /** The household asked to be forgotten: nothing of it stays here, and nothing more is sent to it. */
    public void onCustomerErased(UUID customerId) {
        // Waits for a firing in flight to commit, so its timeline entry and touch are deleted with the rest.
        FollowupTask.getEntityManager()
                .createNativeQuery("SELECT id FROM followup_task WHERE customer_id = :customer FOR UPDATE")
                .setParameter("customer", customerId)
                .getResultList();
        for (String table : List.of("task_event", "touch", "feedback", "customer_message", "followup_task", "visit", "pet", "customer_profile")) {
            FollowupTask.getEntityManager().createNativeQuery("DELETE FROM " + table + " WHERE customer_id = :customer")
                    .setParameter("customer", customerId)
                    .executeUpdate();
        }
        outbox.discardPending(customerId);
        // audit_entry is not in the list above: the household's entries stay, naming it only by its id. The correlation
        // id ties this entry to customer-service's, which names who asked.
        audit.record(AuditAction.CUSTOMER_ERASED, customerId, AuditTrail.SYSTEM, Map.of("cause", "CustomerErased"));
    }

    private void planVisit(CustomerProfile customer, Visit visit, String correlationId, List<String> skipRules) {
        List<Pet> pets = visit.petId == null ? List.of()
                : Optional.ofNullable(Pet.<Pet>findById(visit.petId)).map(List::of).orElse(List.of());
        List<FollowupTask> tasks = planner.plan(playbooks.rulesFor(TriggerEvent.VISIT_RECORDED),
                new TriggerContext(customer, pets, visit, visit.visitedAt, correlationId, null));
        for (String rule : skipRules.stream().distinct().toList()) {
            if (tasks.stream().anyMatch(t -> t.rule.equals(rule))) {
                timeline.note(customer.customerId, Timeline.NOT_PLANNED, rule + " for the corrected " + describe(visit)
                        + ": not planned again, it already happened");
            }
        }
        planner.persist(tasks.stream().filter(t -> !skipRules.contains(t.rule)).toList());
    }

    /**
     * The household changed how or where it can be reached: says so on the timeline, then re-plans each pending
     * task. A move keeps the local time the step names in the new zone (calls stay in the clinic's); each task's
     * channel is chosen again from the consents, contact points and preferences now known, or it is suppressed.
     */
    private void followHousehold(CustomerProfile customer, Reachability before) {
        List<String> changes = before.changesTo(Reachability.of(customer));
        if (changes.isEmpty()) {
            return;
        }
        timeline.note(customer.customerId, Timeline.HOUSEHOLD_CHANGED, String.join("; ", changes));
        ZoneId from = ZoneId.of(before.timezone());
        ZoneId to = ZoneId.of(customer.timezone);
        for (FollowupTask task : FollowupTask.<FollowupTask>list("customerId = ?1 and status = ?2", customer.customerId, Status.PENDING)) {
            if (!from.equals(to) && !task.isCall()) {
                rezone(task, from, to);
            }
            String problem = firing.chooseChannel(task, customer);
            if (problem != null) {
                timeline.settle(task, Status.SUPPRESSED, problem);
                continue;
            }
            bereavement.apply(task, bereavement.decide(task, customer, task.dueAt));
        }
    }

    private void rezone(FollowupTask task, ZoneId from, ZoneId to) {
        Instant base = task.localDue != null ? task.localDue.atZone(to).toInstant() : task.dueAt;
        Instant due = calendar.nextAllowed(base, Window.valueOf(task.windowKind), to);
        if (task.expiresAt != null) {
            task.expiresAt = task.expiresAt.atZone(from).toLocalDateTime().atZone(to).toInstant();
        }
        if (!due.equals(task.dueAt)) {
            task.dueAt = due;
            timeline.record(task, Timeline.RESCHEDULED, "to " + due + " (" + due.atZone(to).toLocalDateTime() + " " + to
                    + "): the household moved from " + from + " to " + to);
        }
    }

    /** Asks the bereavement policy about every live task of the household, after a pet died or left it. */
    private void reviewLiveTasks(CustomerProfile customer) {
        for (FollowupTask task : live("customerId = ?1 and status in ?2", customer.customerId)) {
            bereavement.apply(task, bereavement.decide(task, customer, task.dueAt));
        }
    }

    private void cancelCadencesNoLongerTagged(CustomerProfile customer, Set<String> tags) {
        for (FollowupTask task : live("customerId = ?1 and status in ?2 and repeatEvery is not null", customer.customerId)) {
            boolean stillApplies = playbooks.rulesFor(TriggerEvent.RELATIONSHIP_CADENCE).stream()
                    .anyMatch(r -> task.rule.startsWith(r.rule().key() + "/") && r.rule().trigger().tags().stream().anyMatch(tags::contains));
            if (!stillApplies) {
                timeline.settle(task, Status.CANCELLED, "the household no longer carries the cadence's tag");
            }
        }
    }

    private static List<FollowupTask> live(String query, Object key) {
        return FollowupTask.list(query, key, LIVE);
    }

    private CustomerProfile requireCustomer(UUID customerId, String what) {
        CustomerProfile customer = profiles.find(customerId);
        if (customer == null) {
            throw new MalformedEventException(what + " names customer " + customerId
                    + ", of whom no CustomerRegistered event was seen");
        }
        return customer;
    }
}
