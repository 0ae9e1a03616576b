package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.Recipient;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.Pet;
import dev.tend.followup.Touch;
import dev.tend.followup.Visit;
import dev.tend.followup.observability.TaskMetrics;
import dev.tend.followup.playbook.PlaybookDefinition.Priority;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import dev.tend.platform.messaging.Outbox;
import dev.tend.platform.observability.Traces;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Claims due tasks and fires them. The claim locks rows with {@code FOR UPDATE SKIP LOCKED}: any number of
 * instances poll at once, each takes tasks no other holds, and a task's status changes in the same
 * transaction that writes its {@code NotificationRequested} to the outbox, so it fires once or not at all.
 *
 * <p>Firing re-checks everything that may have changed since planning: the moment may have passed for good
 * (after downtime), the window may forbid now, the household may have had enough touches this week, the
 * channel may have lost its consent.
 */
@ApplicationScoped
public class TaskFiring {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Timeline timeline;
    private final TouchLedger touches;
    private final ClinicCalendar calendar;
    private final FollowupConfig config;
    private final TaskMetrics metrics;
    private final BereavementPolicy bereavement;
    private final Traces traces;
    private final Clock clock;

    public TaskFiring(EntityManager entityManager, Outbox outbox, Timeline timeline, TouchLedger touches,
                      ClinicCalendar calendar, FollowupConfig config, TaskMetrics metrics, BereavementPolicy bereavement,
                      Traces traces, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.timeline = timeline;
        this.touches = touches;
        this.calendar = calendar;
        this.config = config;
        this.metrics = metrics;
        this.bereavement = bereavement;
        this.traces = traces;
        this.clock = clock;
    }

    /** @return how many tasks were claimed (fired, deferred or settled) */
    @Transactional
    public int fireDue(int batchSize) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<FollowupTask> due = entityManager.createNativeQuery("""
                        SELECT * FROM followup_task
                        WHERE status = 'PENDING' AND due_at <= :now
                        ORDER BY priority_rank, due_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", FollowupTask.class)
                .setParameter("now", now)
                .setParameter("limit", batchSize)
                .getResultList();
        for (FollowupTask task : due) {
            // The visit's trace, stored when the task was planned: the event this writes continues it.
            try (Traces.Resumed ignored = traces.resume("followup task fire", task.trace(), SpanKind.INTERNAL)) {
                fire(task, now);
            }
        }
        return due.size();
    }

    private void fire(FollowupTask task, Instant now) {
        if (task.expiresAt != null && !now.isBefore(task.expiresAt)) {
            timeline.settle(task, Status.EXPIRED, "its moment passed at " + task.expiresAt + " before it could fire");
            return;
        }
        CustomerProfile customer = CustomerProfile.findById(task.customerId);
        if (customer == null) {
            timeline.settle(task, Status.SUPPRESSED, "the household is unknown");
            return;
        }
        BereavementPolicy.Decision grief = bereavement.decide(task, customer, now);
        if (!bereavement.apply(task, grief) || grief.verdict() == BereavementPolicy.Verdict.WAIT) {
            return;
        }
        ZoneId zone = zone(task, customer);
        Window window = Window.valueOf(task.windowKind);
        Instant allowed = calendar.nextAllowed(now, window, zone);
        if (allowed.isAfter(now)) {
            defer(task, allowed, calendar.describe(window));
            return;
        }
        if (Priority.valueOf(task.priority).capped() && holdBackForHousehold(task, now)) {
            return;
        }
        String channelProblem = chooseChannel(task, customer);
        if (channelProblem != null) {
            timeline.settle(task, Status.SUPPRESSED, channelProblem);
            return;
        }
        if (task.isCall()) {
            task.status = Status.OPEN;
            task.firedAt = now;
            if (task.team == null && task.assignee == null) {
                task.team = config.clinic().defaultTeam();
            }
            timeline.record(task, Timeline.ON_WORKLIST, "call for " + (task.assignee != null ? task.assignee : task.team));
            return;
        }
        task.attempt++;
        task.notificationId = notificationId(task);
        NotificationRequested request = new NotificationRequested(task.notificationId, task.id, task.customerId,
                task.channel(), task.templateKey, recipient(customer), personalisation(task, customer), pets(task));
        outbox.publish(Topics.NOTIFICATION_REQUESTS, Events.envelope(request, task.customerId, now, task.correlationId));
        task.status = Status.FIRED;
        task.firedAt = now;
        task.deliveryStatus = null;
        metrics.fired(Duration.between(task.dueAt, now));
        touches.record(task.customerId, now, task.channel, task.id);
        timeline.record(task, Timeline.FIRED, "NotificationRequested " + task.notificationId + " (" + task.templateKey + ")");
    }

    /** Household caps for the touches that can wait: a week's touches, one postcard per period. */
    private boolean holdBackForHousehold(FollowupTask task, Instant now) {
        List<Touch> week = touches.outboundInWeekBefore(task.customerId, now);
        if (week.size() >= config.household().maxTouchesPerWeek()) {
            defer(task, week.get(0).at.plus(Duration.ofDays(7)), "the household had " + week.size()
                    + " touches in the last 7 days (at most " + config.household().maxTouchesPerWeek() + ")");
            return true;
        }
        if (task.channel() == Channel.POST) {
            Duration period = Duration.ofDays(config.household().postcardPeriodDays());
            Touch lastCard = touches.lastOfKind(task.customerId, Channel.POST.name(), now.minus(period));
            if (lastCard != null) {
                defer(task, lastCard.at.plus(period), "one postcard per household every "
                        + config.household().postcardPeriodDays() + " days; the last went on " + lastCard.at);
                return true;
            }
        }
        return false;
    }

    private void defer(FollowupTask task, Instant until, String reason) {
        if (task.expiresAt != null && !until.isBefore(task.expiresAt)) {
            timeline.settle(task, Status.EXPIRED, "held back (" + reason + ") past its moment at " + task.expiresAt);
            return;
        }
        task.dueAt = until;
        timeline.record(task, Timeline.DEFERRED, "to " + until + ": " + reason);
    }

    /**
     * Moves the task to the first usable channel it allows, failed ones excluded.
     *
     * @return why none is usable, or null
     */
    String chooseChannel(FollowupTask task, CustomerProfile customer) {
        List<Channel> failed = task.failedChannels();
        StringBuilder problems = new StringBuilder();
        for (Channel channel : CustomerProfiles.inPreferenceOrder(customer, task.allowedChannels())) {
            if (failed.contains(channel)) {
                problems.append(problems.isEmpty() ? "" : "; ").append(channel).append(": failed permanently");
                continue;
            }
            String problem = CustomerProfiles.unusable(customer, channel, task.serviceMessage);
            if (problem == null) {
                if (channel != task.channel()) {
                    String from = task.channel;
                    task.channel = channel.name();
                    timeline.record(task, Timeline.CHANNEL_CHANGED, from + " -> " + channel + ": "
                            + (problems.isEmpty() ? "first usable in the household's order of preference" : problems));
                }
                return null;
            }
            problems.append(problems.isEmpty() ? "" : "; ").append(channel).append(": ").append(problem);
        }
        return "no usable channel (" + problems + ")";
    }

    private ZoneId zone(FollowupTask task, CustomerProfile customer) {
        return task.isCall() ? calendar.clinicZone() : ZoneId.of(customer.timezone);
    }

    /** The first attempt uses the task's id; each fallback attempt gets an id of its own, stable across redeliveries. */
    private static UUID notificationId(FollowupTask task) {
        return task.attempt == 1 ? task.id
                : UUID.nameUUIDFromBytes((task.id + "#" + task.attempt).getBytes(StandardCharsets.UTF_8));
    }

    private static Recipient recipient(CustomerProfile customer) {
        return new Recipient(customer.name, customer.email, customer.phone, CustomerProfiles.postalAddress(customer),
                customer.locale, customer.timezone);
    }

    static Map<String, String> personalisation(FollowupTask task, CustomerProfile customer) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "customerName", customer.name);
        List<Pet> pets = task.pets().stream().map(id -> Pet.<Pet>findById(id)).filter(Objects::nonNull).toList();
        if (!pets.isEmpty()) {
            put(values, "petName", pets.get(0).name);
            put(values, "petNames", pets.stream().map(p -> p.name).collect(Collectors.joining(", ")));
            List<String> photos = pets.stream().map(p -> p.photoUrl).filter(Objects::nonNull).toList();
            if (!photos.isEmpty()) {
                put(values, "petPhotoUrl", photos.get(0));
                put(values, "petPhotoUrls", String.join(",", photos));
            }
        }
        Visit visit = task.visitId == null ? null : Visit.findById(task.visitId);
        if (visit != null) {
            put(values, "visitReason", visit.reason);
            put(values, "visitType", visit.visitType);
            put(values, "visitDate", DateTimeFormatter.ISO_LOCAL_DATE.format(visit.visitedAt.atZone(ZoneId.of(customer.timezone))));
            put(values, "visitedAt", visit.visitedAt.toString());
            put(values, "recheckDate", visit.recheckDate == null ? null : visit.recheckDate.toString());
            put(values, "staffMember", visit.staffMember);
        }
        return values;
    }

    /** The pets a message is about, as a list, so templates join their names in the household's own language. */
    static List<NotificationRequested.Pet> pets(FollowupTask task) {
        return task.pets().stream().map(id -> Pet.<Pet>findById(id)).filter(Objects::nonNull)
                .map(p -> new NotificationRequested.Pet(p.name, p.sex, p.photoUrl)).toList();
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
