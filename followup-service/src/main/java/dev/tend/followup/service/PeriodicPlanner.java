package dev.tend.followup.service;

import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.Pet;
import dev.tend.followup.playbook.PlaybookDefinition.TriggerEvent;
import dev.tend.followup.playbook.Playbooks;
import dev.tend.followup.playbook.Playbooks.ActiveRule;
import dev.tend.followup.service.FollowupPlanner.TriggerContext;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Plans what no event announces: pets' birthdays and the relationship cadence of tagged households. The
 * pass is idempotent, so any number of instances may run it: a birthday is planned once per pet and year,
 * a cadence call once per period (each has a unique plan key), and a household has one cadence call open
 * at a time.
 */
@ApplicationScoped
public class PeriodicPlanner {

    private final Playbooks playbooks;
    private final FollowupPlanner planner;
    private final TouchLedger touches;
    private final FollowupConfig config;
    private final Clock clock;
    private PollingLoop loop;

    public PeriodicPlanner(Playbooks playbooks, FollowupPlanner planner, TouchLedger touches, FollowupConfig config, Clock clock) {
        this.playbooks = playbooks;
        this.planner = planner;
        this.touches = touches;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.planner().enabled()) {
            loop = new PollingLoop("followup-periodic-planner", this::pass, Integer.MAX_VALUE,
                    config.planner().interval(), Duration.ofSeconds(30));
            loop.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** @return how many tasks the pass planned */
    @Transactional
    public int pass() {
        int planned = planBirthdays();
        for (CustomerProfile customer : CustomerProfile.<CustomerProfile>list("tags <> ''")) {
            planned += planCadences(customer);
        }
        return planned;
    }

    private int planBirthdays() {
        List<ActiveRule> rules = playbooks.rulesFor(TriggerEvent.PET_BIRTHDAY);
        if (rules.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int planned = 0;
        for (Pet pet : Pet.<Pet>list("status = ?1 and birthDate is not null", Pet.ACTIVE)) {
            CustomerProfile customer = CustomerProfile.findById(pet.customerId);
            if (customer == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(customer.timezone);
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate birthday = pet.birthDate.withYear(today.getYear());
            if (birthday.isBefore(today)) {
                birthday = pet.birthDate.withYear(today.getYear() + 1);
            }
            if (!birthday.isAfter(pet.birthDate) || birthday.isAfter(today.plusDays(config.planner().birthdayHorizonDays()))) {
                continue;
            }
            for (ActiveRule rule : rules) {
                String planKey = "birthday:" + rule.playbookKey() + ":" + rule.rule().key() + ":" + pet.petId + ":" + birthday.getYear();
                if (FollowupTask.count("planKey", planKey) > 0) {
                    continue;
                }
                List<FollowupTask> tasks = planner.plan(List.of(rule), new TriggerContext(customer, List.of(pet), null,
                        birthday.atStartOfDay(zone).toInstant(), null, planKey));
                planner.persist(tasks);
                planned += tasks.size();
            }
        }
        return planned;
    }

    /** Plans the next cadence call of each rule the household's tags match, a cadence after its last real contact. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int planCadences(CustomerProfile customer) {
        int planned = 0;
        for (ActiveRule rule : playbooks.rulesFor(TriggerEvent.RELATIONSHIP_CADENCE)) {
            TriggerContext probe = new TriggerContext(customer, List.of(), null, null, null, null);
            if (!planner.matches(rule.rule().trigger(), probe)) {
                continue;
            }
            String rulePrefix = rule.rule().key() + "/%";
            if (FollowupTask.count("customerId = ?1 and rule like ?2 and status in ?3", customer.customerId, rulePrefix,
                    List.of(Status.PENDING, Status.OPEN)) > 0) {
                continue;
            }
            Instant now = clock.instant();
            FollowupTask previous = FollowupTask.<FollowupTask>find("customerId = ?1 and rule like ?2 order by dueAt desc",
                    customer.customerId, rulePrefix).firstResult();
            // A period whose call was suppressed (no consent) or cancelled still counts: the next one waits its turn.
            if (previous != null && previous.dueAt.isAfter(now)) {
                continue;
            }
            long earlier = FollowupTask.count("customerId = ?1 and rule like ?2", customer.customerId, rulePrefix);
            Instant lastContact = touches.lastRealContact(customer.customerId);
            Instant base = lastContact == null ? now : lastContact;
            if (previous != null && previous.dueAt.isAfter(base)) {
                base = previous.dueAt;
            }
            ZoneId zone = ZoneId.of(customer.timezone);
            Instant anchor = ZonedDateTime.ofInstant(base, zone).plusDays(rule.rule().trigger().everyDays()).toInstant();
            String planKey = "cadence:" + rule.playbookKey() + ":" + rule.rule().key() + ":" + customer.customerId + ":" + earlier;
            if (FollowupTask.count("planKey", planKey) > 0) {
                continue;
            }
            List<FollowupTask> tasks = planner.plan(List.of(rule), new TriggerContext(customer, List.of(), null, anchor, null, planKey));
            planner.persist(tasks);
            planned += tasks.size();
        }
        return planned;
    }
}
