package dev.tend.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tend.console.clients.FollowupClient;
import dev.tend.console.clients.ServiceProblem;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Playbooks (admin): each rule as a sentence; the JSON edited, checked by followup-service's validator before it
 * is saved (its violations listed next to the field, by their path); a dry run for a sample visit.
 */
@Path("/playbooks")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PlaybooksResource {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final FollowupClient followup;
    private final ClinicTime clinic;

    public PlaybooksResource(@RestClient FollowupClient followup, ClinicTime clinic) {
        this.followup = followup;
        this.clinic = clinic;
    }

    @GET
    public TemplateInstance list() {
        return Pages.playbooks(followup.playbooks());
    }

    @GET
    @Path("/{key}")
    public TemplateInstance playbook(@RestPath String key, @RestQuery String saved) {
        FollowupClient.Playbook playbook = followup.playbook(key);
        return Pages.playbook(playbook, RuleSentences.of(playbook.definition()), pretty(playbook.definition()), List.of(),
                saved != null, Pages.DryRunView.empty(clinic.inputValue(clinic.now())));
    }

    @POST
    @Path("/{key}")
    public Response save(@RestPath String key, @RestForm String definition) {
        FollowupClient.Playbook current = followup.playbook(key);
        JsonNode edited;
        try {
            edited = JSON.readTree(definition == null ? "" : definition);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return invalid(current, definition, List.of(new FollowupClient.Violation("definition", "This is not valid JSON" + where)));
        }
        if (edited == null || !edited.isObject()) {
            return invalid(current, definition, List.of(new FollowupClient.Violation("definition", "Enter the playbook as a JSON object")));
        }
        FollowupClient.Validation validation;
        try {
            validation = followup.validate(edited);
        } catch (ServiceProblem problem) {
            return invalid(current, definition, List.of(new FollowupClient.Violation("definition", problem.getMessage())));
        }
        if (!validation.valid()) {
            return invalid(current, definition, validation.violations());
        }
        try {
            followup.update(key, edited);
        } catch (ServiceProblem problem) {
            return invalid(current, definition, List.of(new FollowupClient.Violation(
                    problem.fieldErrors().keySet().stream().findFirst().orElse("definition"), problem.getMessage())));
        }
        return Response.seeOther(URI.create("/playbooks/" + key + "?saved=yes")).build();
    }

    @POST
    @Path("/{key}/dry-run")
    public TemplateInstance dryRun(@RestPath String key, @RestForm String visitType, @RestForm String visitedAt,
                                   @RestForm String recheckDate) {
        FollowupClient.Playbook playbook = followup.playbook(key);
        Pages.DryRunView view;
        try {
            OffsetDateTime at = clinic.parseInput(visitedAt);
            LocalDate recheck = recheckDate == null || recheckDate.isBlank() ? null : LocalDate.parse(recheckDate);
            List<FollowupClient.PlannedTask> planned = followup.dryRun(key, new FollowupClient.DryRun(
                    new FollowupClient.ProbeVisit(visitType, "a sample visit", at, recheck)));
            view = new Pages.DryRunView(visitType, visitedAt, recheckDate, planned, true, null);
        } catch (ServiceProblem problem) {
            view = new Pages.DryRunView(visitType, visitedAt, recheckDate, List.of(), false, problem.getMessage());
        } catch (RuntimeException e) {
            view = new Pages.DryRunView(visitType, visitedAt, recheckDate, List.of(), false,
                    "Enter when the visit was, and a recheck date like 2026-03-02 if there is one");
        }
        return Pages.playbook(playbook, RuleSentences.of(playbook.definition()), pretty(playbook.definition()), List.of(),
                false, view);
    }

    private Response invalid(FollowupClient.Playbook current, String definition, List<FollowupClient.Violation> violations) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Pages.playbook(current, RuleSentences.of(current.definition()),
                definition == null ? "" : definition, violations, false, Pages.DryRunView.empty(clinic.inputValue(clinic.now())))
                .render()).build();
    }

    private static String pretty(JsonNode definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            return definition.toString();
        }
    }
}
