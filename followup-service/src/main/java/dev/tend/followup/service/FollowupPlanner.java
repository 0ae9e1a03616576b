package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.Pet;
import dev.tend.followup.Visit;
import dev.tend.followup.playbook.PlaybookDefinition.Anchor;
import dev.tend.followup.playbook.PlaybookDefinition.CancelCause;
import dev.tend.followup.playbook.PlaybookDefinition.Priority;
import dev.tend.followup.playbook.PlaybookDefinition.Step;
import dev.tend.followup.playbook.PlaybookDefinition.Timing;
import dev.tend.followup.playbook.PlaybookDefinition.Trigger;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import dev.tend.followup.playbook.Playbooks.ActiveRule;
import dev.tend.platform.observability.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a trigger (a visit, a death, a birthday, a cadence) and the rules that match it into tasks with
 * their due time, channel and fate. {@link #plan} decides without writing (the dry-run uses it as is);
 * {@link #persist} writes the plan, merging postcards for one household onto one card.
 */
@ApplicationScoped
public class FollowupPlanner {

    /**
     * What a rule is matched against and timed from.
     *
     * @param eventAt the EVENT anchor: the visit's time, the moment a death became known, a birthday's start,
     *                a cadence's due day
     * @param planKey the idempotency key of a periodic plan, null for event-driven ones
     */
    public record TriggerContext(CustomerProfile customer, List<Pet> pets, Visit visit, Instant eventAt,
                                 String correlationId, String planKey) {
    }

    private final ClinicCalendar calendar;
    private final Timeline timeline;
    private final BereavementPolicy bereavement;
    private final FreshnessPolicy freshness;
    private final FollowupConfig config;
    private final Clock clock;

    public FollowupPlanner(ClinicCalendar calendar, Timeline timeline, BereavementPolicy bereavement, FreshnessPolicy freshness,
                           FollowupConfig config, Clock clock) {
        this.calendar = calendar;
        this.timeline = timeline;
        this.bereavement = bereavement;
        this.freshness = freshness;
        this.config = config;
        this.clock = clock;
    }

    /** The tasks the rules plan for this trigger, unsaved: PENDING, or already SUPPRESSED or EXPIRED with the reason. */
    public List<FollowupTask> plan(List<ActiveRule> rules, TriggerContext context) {
        Instant now = clock.instant();
        List<FollowupTask> tasks = new ArrayList<>();
        for (ActiveRule rule : rules) {
            if (!matches(rule.rule().trigger(), context)) {
                continue;
            }
            for (Step step : rule.rule().steps()) {
                tasks.add(build(rule, step, context, now));
            }
        }
        return tasks;
    }

    public boolean matches(Trigger trigger, TriggerContext context) {
        Visit visit = context.visit();
        if (trigger.visitTypes() != null && !trigger.visitTypes().isEmpty() && (visit == null || visit.visitType == null
                || trigger.visitTypes().stream().noneMatch(t -> t.equalsIgnoreCase(visit.visitType)))) {
            return false;
        }
        if (trigger.hasRecheckDate() != null && (visit == null || (visit.recheckDate != null) != trigger.hasRecheckDate())) {
            return false;
        }
        if (trigger.tags() != null && !trigger.tags().isEmpty()
                && trigger.tags().stream().noneMatch(CustomerProfiles.tags(context.customer())::contains)) {
            return false;
        }
        if (trigger.species() != null && !trigger.species().isEmpty() && (context.pets().isEmpty()
                || trigger.species().stream().noneMatch(s -> s.equalsIgnoreCase(context.pets().get(0).species)))) {
            return false;
        }
        return true;
    }

    private FollowupTask build(ActiveRule rule, Step step, TriggerContext context, Instant now) {
        CustomerProfile customer = context.customer();
        FollowupTask task = new FollowupTask();
        task.id = UUID.randomUUID();
        task.customerId = customer.customerId;
        List<UUID> pets = context.pets().stream().map(p -> p.petId).toList();
        task.petId = pets.isEmpty() ? null : pets.get(0);
        task.petIds = pets.isEmpty() ? null : FollowupTask.join(pets);
        task.visitId = context.visit() == null ? null : context.visit().visitId;
        task.rule = rule.rule().key() + "/" + step.key();
        task.playbookKey = rule.playbookKey();
        task.playbookVersion = rule.playbookVersion();
        List<Channel> channels = CustomerProfiles.inPreferenceOrder(customer, step.channels());
        task.channels = FollowupTask.join(channels);
        task.channel = channels.get(0).name();
        task.templateKey = step.templateKey();
        task.priority = step.priority().name();
        task.priorityRank = step.priority().rank();
        Window window = window(step);
        task.windowKind = window.name();
        task.serviceMessage = step.serviceMessageOrFalse();
        task.quietInBereavement = step.quietInBereavementOrFalse();
        task.fitsBereavement = step.fitsBereavementOrDefault();
        task.cancelOn = step.cancelOn() == null ? ""
                : step.cancelOn().stream().map(CancelCause::name).collect(Collectors.joining(","));
        task.team = task.isCall() ? (step.team() != null ? step.team() : config.clinic().defaultTeam()) : null;
        task.repeatEvery = rule.rule().trigger().everyDays() == null ? null : rule.rule().trigger().everyDays().toString();
        task.planKey = context.planKey();
        task.correlationId = context.correlationId();
        task.trace(TraceContext.current());
        task.createdAt = now;
        task.status = Status.PENDING;
        schedule(task, step, context, window);
        Optional<String> stale = freshness.stale(step.timing(), context.eventAt(), now);
        if (stale.isPresent()) {
            task.status = Status.EXPIRED;
            task.statusReason = stale.get();
            return task;
        }
        settleIfPointless(task, customer, now);
        return task;
    }

    private void schedule(FollowupTask task, Step step, TriggerContext context, Window window) {
        Timing timing = step.timing();
        ZoneId zone = task.isCall() ? calendar.clinicZone() : ZoneId.of(context.customer().timezone);
        ZonedDateTime anchor = timing.anchor() == Anchor.RECHECK_DATE
                ? context.visit().recheckDate.atStartOfDay(zone)
                : context.eventAt().atZone(zone);
        // A card is posted the lead time early, so that it arrives on the day the step names.
        int leadDays = task.channel() == Channel.POST ? config.mailingLeadDays() : 0;
        int days = timing.daysOrZero() - leadDays;
        LocalDate date = Boolean.TRUE.equals(timing.businessDays())
                ? calendar.plusBusinessDays(anchor.toLocalDate(), days)
                : anchor.toLocalDate().plusDays(days);
        LocalTime time = timing.at() != null ? timing.at() : anchor.toLocalTime();
        ZonedDateTime due = ZonedDateTime.of(date, time, zone);
        Duration offset = timing.offsetSetting() != null ? config.visitThankYouDelay() : timing.offset();
        if (offset != null) {
            due = due.plus(offset);
        }
        // A named local time stays that local time wherever the household moves; one relative to the event does not.
        task.localDue = timing.at() != null ? due.toLocalDateTime() : null;
        task.dueAt = calendar.nextAllowed(due.toInstant(), window, zone);
        if (task.dueAt.isAfter(due.toInstant())) {
            // A visit recorded at 22:00 gets its thank-you in the morning; the timeline says why it waits.
            task.planNotes.add(new FollowupTask.PlanNote(Timeline.RESCHEDULED, "from " + due.toLocalDateTime() + " to "
                    + task.dueAt.atZone(zone).toLocalDateTime() + " local: " + calendar.describe(window)));
        }
        if (Boolean.TRUE.equals(timing.expireAtAnchor())) {
            // The last day it can still go: before the anchor day, or (a card) the last posting day that arrives in time.
            task.expiresAt = anchor.toLocalDate().minusDays(leadDays > 0 ? leadDays - 1 : 0).atStartOfDay(zone).toInstant();
        }
    }

    private void settleIfPointless(FollowupTask task, CustomerProfile customer, Instant now) {
        if (!bereavement.applyToPlan(task, bereavement.decide(task, customer, task.dueAt))) {
            return;
        }
        if (task.expiresAt != null && !now.isBefore(task.expiresAt)) {
            task.status = Status.EXPIRED;
            task.statusReason = "planned after its moment (" + task.expiresAt + ") had passed";
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Channel channel : task.allowedChannels()) {
            String problem = CustomerProfiles.unusable(customer, channel, task.serviceMessage);
            if (problem == null) {
                task.channel = channel.name();
                if (!problems.isEmpty()) {
                    task.planNotes.add(new FollowupTask.PlanNote(Timeline.CHANNEL_SKIPPED,
                            String.join("; ", problems) + ": planned on " + channel));
                }
                return;
            }
            problems.add(channel + ": " + problem);
        }
        task.status = Status.SUPPRESSED;
        task.statusReason = "no usable channel (" + String.join("; ", problems) + ")";
    }

    private static Window window(Step step) {
        if (step.timing().window() != null) {
            return step.timing().window();
        }
        return switch (step.channels().get(0)) {
            case PHONE -> Window.BUSINESS_HOURS;
            case EMAIL, SMS -> Window.QUIET_HOURS;
            case POST -> Window.ANY;
        };
    }

    /** Writes planned tasks and their first timeline line; a postcard due near another of the household's merges onto it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void persist(List<FollowupTask> tasks) {
        for (FollowupTask task : tasks) {
            if (task.status == Status.PENDING && task.channel() == Channel.POST
                    && !Priority.SYMPATHY.name().equals(task.priority)) {
                mergeOntoHouseholdCard(task);
            }
            task.persist();
            timeline.record(task, Timeline.PLANNED, task.rule + " (" + task.playbookKey + " v" + task.playbookVersion
                    + "), due " + task.dueAt + (task.expiresAt == null ? "" : ", expires " + task.expiresAt));
            for (FollowupTask.PlanNote note : task.planNotes) {
                timeline.record(task, note.kind(), note.detail());
            }
            if (task.status != Status.PENDING) {
                timeline.record(task, task.status.name(), task.statusReason);
            }
        }
    }

    private void mergeOntoHouseholdCard(FollowupTask task) {
        Duration period = Duration.ofDays(config.household().postcardPeriodDays());
        FollowupTask card = FollowupTask.<FollowupTask>find("""
                        customerId = ?1 and status = ?2 and channel = ?3 and templateKey = ?4 and id <> ?5
                        and dueAt > ?6 and dueAt < ?7 order by dueAt""",
                task.customerId, Status.PENDING, Channel.POST.name(), task.templateKey, task.id,
                task.dueAt.minus(period), task.dueAt.plus(period)).firstResult();
        if (card == null) {
            return;
        }
        Set<UUID> pets = new LinkedHashSet<>(card.pets());
        pets.addAll(task.pets());
        card.petIds = FollowupTask.join(new ArrayList<>(pets));
        if (task.dueAt.isBefore(card.dueAt)) {
            card.dueAt = task.dueAt;
        }
        if (task.expiresAt != null && (card.expiresAt == null || task.expiresAt.isBefore(card.expiresAt))) {
            card.expiresAt = task.expiresAt;
        }
        timeline.record(card, Timeline.MERGED, "now also for " + petNames(task.pets()) + ": one postcard per household every "
                + config.household().postcardPeriodDays() + " days");
        task.status = Status.MERGED;
        task.statusReason = "merged onto card " + card.id + " (one postcard per household every "
                + config.household().postcardPeriodDays() + " days)";
    }

    static String petNames(List<UUID> petIds) {
        return petIds.stream().map(id -> Pet.<Pet>findById(id)).filter(Objects::nonNull).map(p -> p.name)
                .collect(Collectors.joining(", "));
    }
}
