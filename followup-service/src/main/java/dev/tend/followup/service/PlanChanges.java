package dev.tend.followup.service;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.Pet;
import dev.tend.followup.Touch;
import dev.tend.followup.Visit;
import dev.tend.followup.playbook.PlaybookDefinition.CancelCause;
import dev.tend.followup.playbook.PlaybookDefinition.TriggerEvent;
import dev.tend.followup.playbook.Playbooks;
import dev.tend.followup.service.FollowupPlanner.TriggerContext;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final Timeline timeline;
    private final TouchLedger touches;
    private final FollowupConfig config;
    private final Outbox outbox;
    private final Clock clock;

    public PlanChanges(CustomerProfiles profiles, Playbooks playbooks, FollowupPlanner planner, PeriodicPlanner periodic,
                       TaskFiring firing, Timeline timeline, TouchLedger touches, FollowupConfig config, Outbox outbox, Clock clock) {
        this.profiles = profiles;
        this.playbooks = playbooks;
        this.planner = planner;
        this.periodic = periodic;
        this.firing = firing;
        this.timeline = timeline;
        this.touches = touches;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void onCustomer(CustomerSnapshot snapshot) {
        Set<String> tagsBefore = Optional.ofNullable(profiles.find(snapshot.customerId())).map(CustomerProfiles::tags).orElse(Set.of());
        if (!profiles.apply(snapshot)) {
            return;
        }
        CustomerProfile customer = profiles.find(snapshot.customerId());
        rerouteForConsent(customer);
        Set<String> tags = CustomerProfiles.tags(customer);
        if (!tags.equals(tagsBefore)) {
            cancelCadencesNoLongerTagged(customer, tags);
            periodic.planCadences(customer);
        }
    }

    public void onConsentChanged(ConsentChanged changed) {
        CustomerProfile customer = requireCustomer(changed.customerId(), "consent change");
        if (profiles.apply(customer, changed.consent())) {
            rerouteForConsent(customer);
        }
    }

    public void onPet(PetSnapshot snapshot) {
        requireCustomer(snapshot.customerId(), "pet " + snapshot.petId());
        Pet pet = profiles.apply(snapshot);
        if (!Pet.ACTIVE.equals(pet.status) && !Pet.DECEASED.equals(pet.status)) {
            cancelForPet(pet, pet.name + " is " + pet.status);
        }
    }

    public void onPetDied(EventEnvelope envelope, PetSnapshot snapshot) {
        CustomerProfile customer = requireCustomer(snapshot.customerId(), "pet " + snapshot.petId());
        Pet pet = profiles.apply(snapshot);
        pet.status = Pet.DECEASED;
        Instant now = clock.instant();
        cancelForPet(pet, pet.name + " died");
        Instant until = now.plus(Duration.ofDays(config.bereavementDays()));
        if (customer.bereavedUntil == null || customer.bereavedUntil.isBefore(until)) {
            customer.bereavedUntil = until;
        }
        for (FollowupTask task : FollowupTask.<FollowupTask>list("customerId = ?1 and status = ?2 and quietInBereavement = true and dueAt < ?3",
                customer.customerId, Status.PENDING, customer.bereavedUntil)) {
            if (task.repeatEvery != null) {
                task.dueAt = customer.bereavedUntil;
                timeline.record(task, Timeline.DEFERRED, "to " + customer.bereavedUntil + ": the household is in bereavement");
            } else {
                timeline.settle(task, Status.SUPPRESSED, "the household is in bereavement until " + customer.bereavedUntil);
            }
        }
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
        if ("recheck".equalsIgnoreCase(visit.visitType) && visit.petId != null) {
            for (FollowupTask task : live("customerId = ?1 and status in ?2", customer.customerId)) {
                if (task.pets().contains(visit.petId) && task.cancelledBy(CancelCause.RECHECK_VISIT.name())) {
                    timeline.settle(task, Status.CANCELLED, "recheck visit recorded on " + visit.visitedAt);
                }
            }
        }
        planVisit(customer, visit, envelope.correlationId(), List.of());
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
    }

    private void planVisit(CustomerProfile customer, Visit visit, String correlationId, List<String> skipRules) {
        List<Pet> pets = visit.petId == null ? List.of()
                : Optional.ofNullable(Pet.<Pet>findById(visit.petId)).map(List::of).orElse(List.of());
        List<FollowupTask> tasks = planner.plan(playbooks.rulesFor(TriggerEvent.VISIT_RECORDED),
                new TriggerContext(customer, pets, visit, visit.visitedAt, correlationId, null));
        planner.persist(tasks.stream().filter(t -> !skipRules.contains(t.rule)).toList());
    }

    /** A channel that lost its consent moves each pending task to the next usable channel, or suppresses it. */
    private void rerouteForConsent(CustomerProfile customer) {
        for (FollowupTask task : FollowupTask.<FollowupTask>list("customerId = ?1 and status = ?2", customer.customerId, Status.PENDING)) {
            if (CustomerProfiles.unusable(customer, task.channel(), task.serviceMessage) == null) {
                continue;
            }
            String problem = firing.chooseChannel(task, customer);
            if (problem != null) {
                timeline.settle(task, Status.SUPPRESSED, problem);
            }
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

    private void cancelForPet(Pet pet, String reason) {
        for (FollowupTask task : live("customerId = ?1 and status in ?2", pet.customerId)) {
            List<UUID> pets = new ArrayList<>(task.pets());
            if (!pets.contains(pet.petId)) {
                continue;
            }
            if (pets.size() > 1) {
                pets.remove(pet.petId);
                task.petId = pets.get(0);
                task.petIds = FollowupTask.join(pets);
                timeline.record(task, Timeline.MERGED, "no longer mentions " + pet.name + ": " + reason);
            } else {
                timeline.settle(task, Status.CANCELLED, reason);
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
