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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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
     * time (so overdue first); optionally one assignee's or team's.
     */
    public List<FollowupTask> calls(LocalDate day, String assignee, String team) {
        LocalDate date = dayOrToday(day);
        StringBuilder query = new StringBuilder("status = :status and dueAt < :end");
        Parameters parameters = Parameters.with("status", Status.OPEN).and("end", endOf(date));
        filter(query, parameters, assignee, team);
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
        CustomerProfile customer = CustomerProfile.findById(call.customerId);
        List<CustomerMessage> thread = call.isReply()
                ? CustomerMessage.list("replyTaskId = ?1 order by receivedAt, messageId", call.id)
                : List.of();
        List<Pet> pets = petsOf(call, thread).stream().map(id -> Pet.<Pet>findById(id)).filter(Objects::nonNull).toList();
        List<Visit> visits = Visit.<Visit>find("customerId = ?1 and cancelled = false order by visitedAt desc", call.customerId)
                .page(0, 5).list();
        List<FollowupTask> earlierCalls = FollowupTask.list("customerId = ?1 and channel = ?2 and status = ?3 and id <> ?4 order by completedAt desc",
                call.customerId, Channel.PHONE.name(), Status.DONE, call.id);
        List<Feedback> feedback = Feedback.list("customerId = ?1 order by receivedAt desc", call.customerId);
        return new CallContext(customer, pets, visits, earlierCalls, feedback, thread);
    }

    /** A call's own pets; a reply's are those of the messages of ours it answers (a reply item itself names no pet,
     * so that nothing that cancels a pet's tasks can take a customer's words off the worklist). */
    private static List<UUID> petsOf(FollowupTask call, List<CustomerMessage> thread) {
        if (!call.isReply()) {
            return call.pets();
        }
        return thread.stream()
                .map(m -> m.inReplyToTaskId)
                .filter(Objects::nonNull)
                .distinct()
                .map(id -> FollowupTask.<FollowupTask>findById(id))
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
