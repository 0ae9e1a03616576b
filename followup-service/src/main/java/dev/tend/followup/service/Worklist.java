package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.Feedback;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.Pet;
import dev.tend.followup.Visit;
import dev.tend.followup.playbook.PlaybookDefinition.Priority;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import dev.tend.followup.playbook.Templates;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The front desk's calls: what is due today, and what comes of each call. A concern raises an escalation
 * call; a resolved complaint schedules the call that confirms it stays resolved.
 */
@ApplicationScoped
public class Worklist {

    public enum Outcome { REACHED, VOICEMAIL, NO_ANSWER, CONCERN }

    /** What a caller reads up on before dialling. */
    public record CallContext(CustomerProfile customer, List<Pet> pets, List<Visit> lastVisits, List<FollowupTask> earlierCalls,
                              List<Feedback> feedback) {
    }

    private final ClinicCalendar calendar;
    private final Timeline timeline;
    private final TouchLedger touches;
    private final FollowupConfig config;
    private final Clock clock;

    public Worklist(ClinicCalendar calendar, Timeline timeline, TouchLedger touches, FollowupConfig config, Clock clock) {
        this.calendar = calendar;
        this.timeline = timeline;
        this.touches = touches;
        this.config = config;
        this.clock = clock;
    }

    /** Calls on the worklist up to the end of {@code day} (clinic time), overdue first; optionally one assignee's or team's. */
    public List<FollowupTask> calls(LocalDate day, String assignee, String team) {
        ZoneId zone = calendar.clinicZone();
        LocalDate date = day != null ? day : clock.instant().atZone(zone).toLocalDate();
        Instant endOfDay = date.plusDays(1).atStartOfDay(zone).toInstant();
        StringBuilder query = new StringBuilder("status = :status and dueAt < :end");
        Parameters parameters = Parameters.with("status", Status.OPEN).and("end", endOfDay);
        if (assignee != null) {
            query.append(" and assignee = :assignee");
            parameters.and("assignee", assignee);
        }
        if (team != null) {
            query.append(" and team = :team");
            parameters.and("team", team);
        }
        return FollowupTask.list(query + " order by dueAt, priorityRank", parameters);
    }

    public boolean overdue(FollowupTask call) {
        return call.dueAt.isBefore(clock.instant().atZone(calendar.clinicZone()).toLocalDate().atStartOfDay(calendar.clinicZone()).toInstant());
    }

    public CallContext context(FollowupTask call) {
        CustomerProfile customer = CustomerProfile.findById(call.customerId);
        List<Pet> pets = call.pets().stream().map(id -> Pet.<Pet>findById(id)).filter(Objects::nonNull).toList();
        List<Visit> visits = Visit.<Visit>find("customerId = ?1 and cancelled = false order by visitedAt desc", call.customerId)
                .page(0, 5).list();
        List<FollowupTask> earlierCalls = FollowupTask.list("customerId = ?1 and channel = ?2 and status = ?3 and id <> ?4 order by completedAt desc",
                call.customerId, Channel.PHONE.name(), Status.DONE, call.id);
        List<Feedback> feedback = Feedback.list("customerId = ?1 order by receivedAt desc", call.customerId);
        return new CallContext(customer, pets, visits, earlierCalls, feedback);
    }

    public FollowupTask call(UUID taskId) {
        FollowupTask task = FollowupTask.findById(taskId);
        if (task == null || !task.isCall()) {
            throw ProblemException.notFound("Call", taskId);
        }
        return task;
    }

    @Transactional
    public FollowupTask complete(UUID taskId, Outcome outcome, String note, String by) {
        FollowupTask call = openCall(taskId);
        Instant now = clock.instant();
        call.status = Status.DONE;
        call.outcome = outcome.name();
        call.outcomeNote = note;
        call.completedBy = by;
        call.completedAt = now;
        timeline.record(call, Timeline.COMPLETED, outcome + (note == null ? "" : ": " + note) + (by == null ? "" : " (" + by + ")"));
        if (outcome == Outcome.REACHED || outcome == Outcome.VOICEMAIL || outcome == Outcome.CONCERN) {
            touches.record(call.customerId, now, Channel.PHONE.name(), call.id);
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
