package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.followup.CustomerMessage;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.Feedback;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.Pet;
import dev.tend.followup.Visit;
import dev.tend.followup.playbook.PlaybookDefinition.Priority;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import dev.tend.followup.playbook.Templates;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.observability.TraceContext;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The front desk's calls and the customers' replies: what is due today (urgent replies first, then overdue), and
 * what comes of each. A concern raises an escalation call; a resolved complaint schedules the call that confirms it
 * stays resolved.
 */
@ApplicationScoped
public class Worklist {

    /** How a call or a reply ended. ANSWERED and NO_REPLY_NEEDED close a reply; VOICEMAIL and NO_ANSWER are for calls. */
    public enum Outcome {
        REACHED, VOICEMAIL, NO_ANSWER, CONCERN, ANSWERED, NO_REPLY_NEEDED;

        /** Whether a call (on the phone) or a reply (answered by message or by calling back) can end this way. */
        public boolean fits(FollowupTask item) {
            return item.isReply()
                    ? this == ANSWERED || this == REACHED || this == CONCERN || this == NO_REPLY_NEEDED
                    : this == REACHED || this == VOICEMAIL || this == NO_ANSWER || this == CONCERN;
        }

        /** The outcomes that touched the household, on the channel they used. */
        String touchedOn(FollowupTask item) {
            return switch (this) {
                case REACHED, VOICEMAIL, CONCERN -> Channel.PHONE.name();
                case ANSWERED -> item.channel;
                case NO_ANSWER, NO_REPLY_NEEDED -> null;
            };
        }

        static String fitting(FollowupTask item) {
            return String.join(", ", java.util.Arrays.stream(values()).filter(o -> o.fits(item)).map(Enum::name).toList());
        }
    }

    /** What a caller reads up on before dialling, and for a reply, the thread: what we sent, what they wrote. */
    public record CallContext(CustomerProfile customer, List<Pet> pets, List<Visit> lastVisits, List<FollowupTask> earlierCalls,
                              List<Feedback> feedback, List<CustomerMessage> thread) {
    }

    /** Counts for the day's worklist: what {@code calls} returns, by kind, and what was completed that day. */
    public record Summary(LocalDate date, long callsDue, long repliesWaiting, long urgentReplies, long overdue, long doneToday) {
    }

    private final ClinicCalendar calendar;
    private final Timeline timeline;
    private final TouchLedger touches;
    private final FollowupConfig config;
    private final Clock clock;
    private final AuditTrail audit;

    public Worklist(ClinicCalendar calendar, Timeline timeline, TouchLedger touches, FollowupConfig config, Clock clock,
                    AuditTrail audit) {
        this.audit = audit;
        this.calendar = calendar;
        this.timeline = timeline;
        this.touches = touches;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Calls and replies on the worklist up to the end of {@code day} (clinic time): urgent replies first, then by due
     * time (so overdue first); optionally one assignee's or team's, and only calls or only replies ({@code kind}).
     */
    public List<FollowupTask> calls(LocalDate day, String assignee, String team, FollowupTask.Kind kind) {
        LocalDate date = dayOrToday(day);
        StringBuilder query = new StringBuilder("status = :status and dueAt < :end");
        Parameters parameters = Parameters.with("status", Status.OPEN).and("end", endOf(date));
        filter(query, parameters, assignee, team);
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        // An urgent reply goes before everything, overdue calls included.
        return FollowupTask.list(query + " order by urgent desc, dueAt, priorityRank", parameters);
    }

    /** The day's counts for the console: calls due, replies waiting (urgent among them), overdue, done that day. */
    public Summary summary(LocalDate day, String assignee, String team) {
        LocalDate date = dayOrToday(day);
        Instant startOfDay = date.atStartOfDay(calendar.clinicZone()).toInstant();
        StringBuilder open = new StringBuilder("status = :status and dueAt < :end");
        Parameters openParameters = Parameters.with("status", Status.OPEN).and("end", endOf(date));
        filter(open, openParameters, assignee, team);
        long calls = FollowupTask.count(open + " and kind = :kind", copy(openParameters).and("kind", FollowupTask.Kind.FOLLOWUP));
        long replies = FollowupTask.count(open + " and kind = :kind", copy(openParameters).and("kind", FollowupTask.Kind.REPLY));
        long urgent = FollowupTask.count(open + " and kind = :kind and urgent = true",
                copy(openParameters).and("kind", FollowupTask.Kind.REPLY));
        long overdue = FollowupTask.count(open + " and dueAt < :startOfDay", copy(openParameters).and("startOfDay",
                clock.instant().atZone(calendar.clinicZone()).toLocalDate().atStartOfDay(calendar.clinicZone()).toInstant()));
        StringBuilder done = new StringBuilder("status = :status and completedAt >= :start and completedAt < :end");
        Parameters doneParameters = Parameters.with("status", Status.DONE).and("start", startOfDay).and("end", endOf(date));
        filter(done, doneParameters, assignee, team);
        return new Summary(date, calls, replies, urgent, overdue, FollowupTask.count(done.toString(), doneParameters));
    }

    private LocalDate dayOrToday(LocalDate day) {
        return day != null ? day : clock.instant().atZone(calendar.clinicZone()).toLocalDate();
    }

    private Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(calendar.clinicZone()).toInstant();
    }

    private static void filter(StringBuilder query, Parameters parameters, String assignee, String team) {
        if (assignee != null) {
            query.append(" and assignee = :assignee");
            parameters.and("assignee", assignee);
        }
        if (team != null) {
            query.append(" and team = :team");
            parameters.and("team", team);
        }
    }

    private static Parameters copy(Parameters parameters) {
        Parameters copy = new Parameters();
        parameters.map().forEach(copy::and);
        return copy;
    }

    public boolean overdue(FollowupTask call) {
        return call.dueAt.isBefore(clock.instant().atZone(calendar.clinicZone()).toLocalDate().atStartOfDay(calendar.clinicZone()).toInstant());
    }

    public CallContext context(FollowupTask call) {
        return contexts(List.of(call)).get(call.id);
    }

    /** How many of a household's latest visits a call shows. */
    static final int LAST_VISITS = 5;

    /**
     * Each call's context, read for all of them at once: a query per kind of context (households, threads, pets, visits,
     * earlier calls, feedback) whatever the number of calls, so a worklist of 200 costs what a worklist of one does.
     */
    public Map<UUID, CallContext> contexts(List<FollowupTask> calls) {
        if (calls.isEmpty()) {
            return Map.of();
        }
        List<UUID> customerIds = calls.stream().map(c -> c.customerId).distinct().toList();
        Map<UUID, CustomerProfile> customers = CustomerProfile.<CustomerProfile>list("customerId in ?1", customerIds).stream()
                .collect(Collectors.toMap(c -> c.customerId, c -> c));
        List<UUID> replyIds = calls.stream().filter(FollowupTask::isReply).map(c -> c.id).toList();
        Map<UUID, List<CustomerMessage>> threads = replyIds.isEmpty() ? Map.of()
                : CustomerMessage.<CustomerMessage>list("replyTaskId in ?1 order by receivedAt, messageId", replyIds).stream()
                        .collect(Collectors.groupingBy(m -> m.replyTaskId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, FollowupTask> answered = byId(threads.values().stream().flatMap(List::stream)
                .map(m -> m.inReplyToTaskId).filter(Objects::nonNull).distinct().toList());
        Map<UUID, List<UUID>> petIds = new HashMap<>();
        for (FollowupTask call : calls) {
            petIds.put(call.id, petsOf(call, threads.getOrDefault(call.id, List.of()), answered));
        }
        List<UUID> allPets = petIds.values().stream().flatMap(List::stream).distinct().toList();
        Map<UUID, Pet> pets = allPets.isEmpty() ? Map.of()
                : Pet.<Pet>list("petId in ?1", allPets).stream().collect(Collectors.toMap(p -> p.petId, p -> p));
        Map<UUID, List<Visit>> visits = lastVisits(customerIds);
        Map<UUID, List<FollowupTask>> earlier = FollowupTask.<FollowupTask>list(
                        "customerId in ?1 and channel = ?2 and status = ?3 order by completedAt desc",
                        customerIds, Channel.PHONE.name(), Status.DONE).stream()
                .collect(Collectors.groupingBy(t -> t.customerId, Collectors.toList()));
        Map<UUID, List<Feedback>> feedback = Feedback.<Feedback>list("customerId in ?1 order by receivedAt desc", customerIds)
                .stream().collect(Collectors.groupingBy(f -> f.customerId, Collectors.toList()));
        Map<UUID, CallContext> contexts = new HashMap<>();
        for (FollowupTask call : calls) {
            contexts.put(call.id, new CallContext(customers.get(call.customerId),
                    petIds.get(call.id).stream().map(pets::get).filter(Objects::nonNull).toList(),
                    visits.getOrDefault(call.customerId, List.of()),
                    earlier.getOrDefault(call.customerId, List.of()).stream().filter(t -> !t.id.equals(call.id)).toList(),
                    feedback.getOrDefault(call.customerId, List.of()),
                    threads.getOrDefault(call.id, List.of())));
        }
        return contexts;
    }

    /** Each household's latest visits that were not cancelled, newest first. */
    private static Map<UUID, List<Visit>> lastVisits(List<UUID> customerIds) {
        @SuppressWarnings("unchecked")
        List<UUID> latest = Visit.getEntityManager().createNativeQuery("""
                        SELECT visit_id FROM (
                          SELECT visit_id, row_number() OVER (PARTITION BY customer_id ORDER BY visited_at DESC) AS n
                          FROM visit WHERE customer_id IN (:customers) AND NOT cancelled) AS ranked
                        WHERE n <= :last""", UUID.class)
                .setParameter("customers", customerIds).setParameter("last", LAST_VISITS).getResultList();
        if (latest.isEmpty()) {
            return Map.of();
        }
        return Visit.<Visit>list("visitId in ?1 order by visitedAt desc", latest).stream()
                .collect(Collectors.groupingBy(v -> v.customerId, Collectors.toList()));
    }

    private static Map<UUID, FollowupTask> byId(List<UUID> ids) {
        return ids.isEmpty() ? Map.of()
                : FollowupTask.<FollowupTask>list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, t -> t));
    }

    /** A call's own pets; a reply's are those of the messages of ours it answers (a reply item itself names no pet,
     * so that nothing that cancels a pet's tasks can take a customer's words off the worklist). */
    private static List<UUID> petsOf(FollowupTask call, List<CustomerMessage> thread, Map<UUID, FollowupTask> answered) {
        if (!call.isReply()) {
            return call.pets();
        }
        return thread.stream()
                .map(m -> m.inReplyToTaskId)
                .filter(Objects::nonNull)
                .distinct()
                .map(answered::get)
                .filter(t -> t != null && t.customerId.equals(call.customerId))
                .flatMap(t -> t.pets().stream())
                .distinct()
                .toList();
    }

    public FollowupTask call(UUID taskId) {
        FollowupTask task = FollowupTask.findById(taskId);
        if (task == null || !task.onWorklist()) {
            throw ProblemException.notFound("Call", taskId);
        }
        return task;
    }

    @Transactional
    public FollowupTask complete(UUID taskId, Outcome outcome, String note, String by) {
        FollowupTask call = openCall(taskId);
        if (!outcome.fits(call)) {
            throw ProblemException.invalid("outcome", (call.isReply() ? "a reply" : "a call") + " ends with one of "
                    + Outcome.fitting(call));
        }
        Instant now = clock.instant();
        call.status = Status.DONE;
        call.outcome = outcome.name();
        call.outcomeNote = note;
        call.completedBy = by;
        call.completedAt = now;
        timeline.record(call, Timeline.COMPLETED, outcome + (note == null ? "" : ": " + note) + (by == null ? "" : " (" + by + ")"));
        // The note is free text about the household: it stays on the timeline, which erasure deletes, not in the audit.
        audit.record(AuditAction.CALL_COMPLETED, call.customerId, Map.of("taskId", call.id, "templateKey", call.templateKey,
                "outcome", outcome.name(), "completedBy", by == null ? "" : by));
        String touched = outcome.touchedOn(call);
        if (touched != null) {
            touches.record(call.customerId, now, touched, call.id);
        }
        if (outcome == Outcome.CONCERN) {
            workflowCall(call, Templates.ESCALATION, now, "concern raised on the " + call.templateKey + " call"
                    + (note == null ? "" : ": " + note));
        } else if (Templates.FEEDBACK_RESOLUTION.equals(call.templateKey)) {
            if (outcome == Outcome.REACHED) {
                ZonedDateTime confirm = ZonedDateTime.of(calendar.plusBusinessDays(now.atZone(calendar.clinicZone()).toLocalDate(),
                        config.feedback().confirmationDelayDays()), config.clinic().opens(), calendar.clinicZone());
                workflowCall(call, Templates.FEEDBACK_CONFIRMATION, confirm.toInstant(), "confirm the complaint stays resolved");
            } else {
                workflowCall(call, Templates.FEEDBACK_RESOLUTION, now, "the household was not reached; try again");
            }
        }
        return call;
    }

    @Transactional
    public FollowupTask snooze(UUID taskId, Instant until) {
        FollowupTask call = openCall(taskId);
        if (until == null || !until.isAfter(clock.instant())) {
            throw ProblemException.invalid("until", "a snooze ends in the future");
        }
        call.dueAt = until;
        timeline.record(call, Timeline.SNOOZED, "until " + until);
        audit.record(AuditAction.CALL_SNOOZED, call.customerId, Map.of("taskId", call.id, "until", until.toString()));
        return call;
    }

    @Transactional
    public FollowupTask assign(UUID taskId, String assignee, String team) {
        FollowupTask call = call(taskId);
        if (call.status != Status.OPEN && call.status != Status.PENDING) {
            throw ProblemException.conflict("Call " + taskId + " is " + call.status + "; only a pending or open call is reassigned");
        }
        if (assignee == null && team == null) {
            throw ProblemException.invalid("assignee", "give an assignee or a team");
        }
        call.assignee = assignee;
        if (team != null) {
            call.team = team;
        }
        timeline.record(call, Timeline.ASSIGNED, "to " + (assignee != null ? assignee : "") + (team != null ? " (" + team + ")" : ""));
        audit.record(AuditAction.CALL_REASSIGNED, call.customerId, Map.of("taskId", call.id,
                "assignee", assignee == null ? "" : assignee, "team", call.team == null ? "" : call.team));
        return call;
    }

    /** A call outside any playbook (escalation, complaint resolution, confirmation), planned on clinic hours. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowupTask workflowCall(FollowupTask cause, String templateKey, Instant at, String reason) {
        FollowupTask task = new FollowupTask();
        task.id = UUID.randomUUID();
        task.customerId = cause.customerId;
        task.petId = cause.petId;
        task.petIds = cause.petIds;
        task.visitId = cause.visitId;
        task.rule = templateKey;
        task.channel = Channel.PHONE.name();
        task.channels = Channel.PHONE.name();
        task.templateKey = templateKey;
        task.priority = Priority.CLINICAL.name();
        task.priorityRank = Priority.CLINICAL.rank();
        task.windowKind = Window.BUSINESS_HOURS.name();
        // The household asked to be heard: a reply to it needs no opt-in.
        task.serviceMessage = true;
        task.team = cause.team != null ? cause.team : config.clinic().defaultTeam();
        task.status = Status.PENDING;
        task.dueAt = calendar.nextAllowed(at, Window.BUSINESS_HOURS, calendar.clinicZone());
        task.statusReason = reason;
        task.correlationId = cause.correlationId;
        task.trace(TraceContext.current());
        task.createdAt = clock.instant();
        task.persist();
        timeline.record(task, Timeline.PLANNED, reason + ", due " + task.dueAt);
        return task;
    }

    private FollowupTask openCall(UUID taskId) {
        FollowupTask call = call(taskId);
        if (call.status != Status.OPEN) {
            throw ProblemException.conflict("Call " + taskId + " is " + call.status + ", not on the worklist");
        }
        return call;
    }
}
