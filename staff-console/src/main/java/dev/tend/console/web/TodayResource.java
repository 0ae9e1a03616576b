package dev.tend.console.web;

import dev.tend.console.clients.FollowupClient;
import dev.tend.console.clients.FollowupClient.Call;
import dev.tend.console.clients.ServiceProblem;
import dev.tend.console.config.ConsoleConfig;
import dev.tend.console.security.CurrentStaff;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Today: the calls of a team for a day, in the order to make them; each completed, snoozed or reassigned in place
 * (an htmx swap of that call's fragment, with the counts swapped out of band).
 */
@Path("/today")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class TodayResource {

    private final FollowupClient followup;
    private final CurrentStaff staff;
    private final ClinicTime clinic;
    private final int pageSize;

    public TodayResource(@RestClient FollowupClient followup, CurrentStaff staff, ClinicTime clinic, ConsoleConfig config) {
        this.followup = followup;
        this.staff = staff;
        this.clinic = clinic;
        this.pageSize = config.worklistPageSize();
    }

    /** One page ({@code page}, from 1) of the day's worklist: {@code tend.console.worklist-page-size} items. */
    @GET
    public TemplateInstance page(@RestQuery String date, @RestQuery String team, @RestQuery String page) {
        LocalDate day = parseDate(date);
        String chosenTeam = team == null || team.isBlank() ? staff.getTeam() : team.trim();
        try {
            List<WorklistItem> listed = WorklistOrder.sort(followup.worklist(day, chosenTeam, null)).stream()
                    .map(WorklistItem::open).toList();
            WorklistPage shown = WorklistPage.of(parsePage(page), pageSize, listed.size());
            return Pages.today(new Pages.TodayView(day, chosenTeam, shown.of(listed), listed, shown, summary(day, chosenTeam), null));
        } catch (ServiceProblem problem) {
            return Pages.today(new Pages.TodayView(day, chosenTeam, List.of(), List.of(), WorklistPage.of(1, pageSize, 0), null,
                    problem.getMessage()));
        }
    }

    @POST
    @Path("/calls/{taskId}/complete")
    public String complete(@RestPath UUID taskId, @RestForm String outcome, @RestForm String note,
                           @RestForm String date, @RestForm String team) {
        if (outcome == null || outcome.isBlank()) {
            return refused(taskId, "Choose what happened on the call", Map.of("outcome", "Choose what happened on the call"), date, team);
        }
        return act(taskId, () -> followup.complete(taskId, new FollowupClient.Outcome(outcome, blankToNull(note), staff.getUsername())),
                "Done: " + outcomeInWords(outcome), date, team);
    }

    @POST
    @Path("/calls/{taskId}/snooze")
    public String snooze(@RestPath UUID taskId, @RestForm String until, @RestForm String date, @RestForm String team) {
        OffsetDateTime at;
        try {
            at = clinic.parseInput(until);
        } catch (RuntimeException e) {
            return refused(taskId, "Enter when to call back", Map.of("until", "Enter a date and time to call back"), date, team);
        }
        return act(taskId, () -> followup.snooze(taskId, new FollowupClient.Snooze(at)),
                "Snoozed until " + clinic.time(at.toInstant()), date, team);
    }

    @POST
    @Path("/calls/{taskId}/assign")
    public String assign(@RestPath UUID taskId, @RestForm String assignee, @RestForm("assignTeam") String assignTeam,
                         @RestForm String date, @RestForm String team) {
        if ((assignee == null || assignee.isBlank()) && (assignTeam == null || assignTeam.isBlank())) {
            return refused(taskId, "Enter a person or a team", Map.of("assignee", "Enter a person or a team"), date, team);
        }
        String to = assignee == null || assignee.isBlank() ? "team " + assignTeam.trim() : assignee.trim();
        return act(taskId, () -> followup.assign(taskId, new FollowupClient.Assignment(blankToNull(assignee), blankToNull(assignTeam))),
                "Reassigned to " + to, date, team);
    }

    private String act(UUID taskId, java.util.function.Supplier<Call> action, String done, String date, String team) {
        Call call;
        try {
            call = action.get();
        } catch (ServiceProblem problem) {
            return refused(taskId, problem.getMessage(), problem.fieldErrors(), date, team);
        }
        return Pages.today$call(new WorklistItem(call, done, null, Map.of())).render() + counts(date, team);
    }

    private String refused(UUID taskId, String message, Map<String, String> errors, String date, String team) {
        Call call = followup.call(taskId);
        return Pages.today$call(new WorklistItem(call, null, message, errors)).render();
    }

    /** The counts at the top, swapped out of band, so they stay true after each action. */
    private String counts(String date, String team) {
        LocalDate day = parseDate(date);
        String chosenTeam = team == null || team.isBlank() ? staff.getTeam() : team;
        FollowupClient.Summary summary = summary(day, chosenTeam);
        List<WorklistItem> items = summary != null ? List.of()
                : followup.worklist(day, chosenTeam, null).stream().map(WorklistItem::open).toList();
        return Pages.today$counts(Pages.TodayView.counts(day, chosenTeam, items, summary)).render();
    }

    /** The day's counts from followup-service; without them (it refused) the page counts what it lists. */
    private FollowupClient.Summary summary(LocalDate day, String team) {
        try {
            return followup.summary(day, team);
        } catch (ServiceProblem problem) {
            return null;
        }
    }

    private static Integer parsePage(String page) {
        try {
            return page == null || page.isBlank() ? null : Integer.valueOf(page.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            return clinic.today();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return clinic.today();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String outcomeInWords(String outcome) {
        return switch (outcome) {
            case "REACHED" -> "reached";
            case "VOICEMAIL" -> "left a voicemail";
            case "NO_ANSWER" -> "no answer";
            case "CONCERN" -> "a concern was raised";
            case "ANSWERED" -> "answered";
            case "NO_REPLY_NEEDED" -> "no reply needed";
            default -> outcome;
        };
    }
}
