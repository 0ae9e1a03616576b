package dev.tend.followup.rest;

import dev.tend.platform.rest.Roles;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.service.Worklist;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The staff worklist: today's calls and customers' replies, urgent first, then overdue, each with the household's story. */
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@Path("/worklist")
public class WorklistResource {

    private final Worklist worklist;
    private final JsonWebToken token;

    public WorklistResource(Worklist worklist, JsonWebToken token) {
        this.worklist = worklist;
        this.token = token;
    }

    /** The day's calls and replies (or, with {@code kind}, only calls or only replies), each with its context. */
    @GET
    public List<CallView> calls(@RestQuery String date, @RestQuery String assignee, @RestQuery String team,
                                @RestQuery String kind) {
        List<FollowupTask> calls = worklist.calls(parseDate(date), assignee, team, parseKind(kind));
        Map<UUID, Worklist.CallContext> contexts = worklist.contexts(calls);
        return calls.stream().map(call -> CallView.of(call, worklist.overdue(call), contexts.get(call.id))).toList();
    }

    /** Counts for the day (default today, clinic time): calls due, replies waiting (urgent among them), overdue, done. */
    @GET
    @Path("/summary")
    public WorklistSummary summary(@RestQuery String date, @RestQuery String assignee, @RestQuery String team) {
        return WorklistSummary.of(worklist.summary(parseDate(date), assignee, team));
    }

    @GET
    @Path("/{taskId}")
    public CallView call(@RestPath UUID taskId) {
        return view(worklist.call(taskId));
    }

    /**
     * Records how the call or reply ended: a call REACHED, VOICEMAIL, NO_ANSWER, or CONCERN (which raises an escalation
     * call); a reply ANSWERED, REACHED (called back), CONCERN or NO_REPLY_NEEDED. Who did it is {@code completedBy},
     * else the token's subject.
     */
    @POST
    @Path("/{taskId}/complete")
    public CallView complete(@RestPath UUID taskId, @Valid CallOutcome outcome) {
        if (outcome == null || outcome.outcome() == null) {
            throw ProblemException.invalid("outcome", "one of " + java.util.Arrays.toString(Worklist.Outcome.values()));
        }
        String by = outcome.completedBy() != null && !outcome.completedBy().isBlank() ? outcome.completedBy() : token.getSubject();
        return view(worklist.complete(taskId, outcome.outcome(), outcome.note(), by));
    }

    @POST
    @Path("/{taskId}/snooze")
    public CallView snooze(@RestPath UUID taskId, Snooze snooze) {
        if (snooze == null || snooze.until() == null) {
            throw ProblemException.invalid("until", "required");
        }
        return view(worklist.snooze(taskId, snooze.until().toInstant()));
    }

    @POST
    @Path("/{taskId}/assign")
    public CallView assign(@RestPath UUID taskId, @Valid Assignment assignment) {
        if (assignment == null) {
            throw ProblemException.invalid("assignee", "give an assignee or a team");
        }
        return view(worklist.assign(taskId, assignment.assignee(), assignment.team()));
    }

    private CallView view(FollowupTask call) {
        return CallView.of(call, worklist.overdue(call), worklist.context(call));
    }

    private static FollowupTask.Kind parseKind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return FollowupTask.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "FOLLOWUP (calls) or REPLY (customers' replies)");
        }
    }

    private static LocalDate parseDate(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "an ISO date such as 2026-03-30");
        }
    }
}
