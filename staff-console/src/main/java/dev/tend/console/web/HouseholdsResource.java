package dev.tend.console.web;

import dev.tend.console.clients.CustomerClient;
import dev.tend.console.clients.FollowupClient;
import dev.tend.console.clients.HouseholdAudit;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Households: search, and one household with its contact points, consent, pets, visits, upcoming tasks and timeline. */
@Path("/households")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class HouseholdsResource {

    private static final Set<String> UPCOMING = Set.of("PENDING", "OPEN", "DEFERRED");
    private static final int RESULTS = 25;

    private final CustomerClient customers;
    private final FollowupClient followup;
    private final HouseholdAudit audit;

    public HouseholdsResource(@RestClient CustomerClient customers, @RestClient FollowupClient followup, HouseholdAudit audit) {
        this.audit = audit;
        this.customers = customers;
        this.followup = followup;
    }

    @GET
    public TemplateInstance search(@RestQuery String q) {
        if (q == null || q.isBlank()) {
            return Pages.households("", List.of(), false, null);
        }
        try {
            return Pages.households(q, customers.search(q.trim(), RESULTS).items(), true, null);
        } catch (ServiceProblem problem) {
            return Pages.households(q, List.of(), true, problem.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance household(@RestPath UUID id, @RestQuery String kind, @RestQuery String recorded) {
        return page(id, kind, recorded != null, Pages.FeedbackForm.empty());
    }

    @POST
    @Path("/{id}/feedback")
    public Response feedback(@RestPath UUID id, @RestForm String rating, @RestForm String comment) {
        Integer stars = null;
        try {
            stars = rating == null || rating.isBlank() ? null : Integer.valueOf(rating);
        } catch (NumberFormatException e) {
            // Shown as the missing rating below.
        }
        if (stars == null) {
            return invalid(id, new Pages.FeedbackForm(comment, Map.of("rating", "Choose a rating from 1 to 5")));
        }
        try {
            followup.feedback(id, new FollowupClient.NewFeedback(stars, comment == null || comment.isBlank() ? null : comment));
        } catch (ServiceProblem problem) {
            Map<String, String> errors = problem.fieldErrors().isEmpty() ? Map.of("rating", problem.getMessage()) : problem.fieldErrors();
            return invalid(id, new Pages.FeedbackForm(comment, errors));
        }
        return Response.seeOther(URI.create("/households/" + id + "?recorded=yes#feedback")).build();
    }

    private Response invalid(UUID id, Pages.FeedbackForm form) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page(id, null, false, form).render()).build();
    }

    private TemplateInstance page(UUID id, String kind, boolean recorded, Pages.FeedbackForm form) {
        CustomerClient.Customer customer = customers.customer(id);
        List<CustomerClient.Pet> pets = customers.pets(id);
        List<CustomerClient.Visit> visits = customers.visits(id, 10).items();
        List<FollowupClient.Task> upcoming = followup.tasks(id).stream().filter(task -> UPCOMING.contains(task.status())).toList();
        List<FollowupClient.TimelineEntry> all = followup.timeline(id);
        List<String> kinds = all.stream().map(FollowupClient.TimelineEntry::kind).distinct().sorted().toList();
        String chosen = kind == null || kind.isBlank() ? null : kind;
        List<FollowupClient.TimelineEntry> timeline = all.stream()
                .filter(entry -> chosen == null || chosen.equals(entry.kind()))
                .sorted((a, b) -> b.at().compareTo(a.at())).toList();
        return Pages.household(customer, pets, visits, upcoming, timeline, kinds, chosen == null ? "" : chosen, recorded, form,
                audit.of(id));
    }
}
