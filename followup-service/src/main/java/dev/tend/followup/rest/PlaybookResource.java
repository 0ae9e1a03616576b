package dev.tend.followup.rest;

import dev.tend.platform.rest.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.Pet;
import dev.tend.followup.Playbook;
import dev.tend.followup.Visit;
import dev.tend.followup.playbook.PlaybookDefinition.TriggerEvent;
import dev.tend.followup.playbook.PlaybookValidator;
import dev.tend.followup.playbook.Playbooks;
import dev.tend.followup.playbook.Playbooks.ActiveRule;
import dev.tend.followup.service.ClinicCalendar;
import dev.tend.followup.service.FollowupPlanner;
import dev.tend.followup.service.FollowupPlanner.TriggerContext;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@Path("/playbooks")
public class PlaybookResource {

    private final Playbooks playbooks;
    private final FollowupPlanner planner;
    private final ClinicCalendar calendar;

    public PlaybookResource(Playbooks playbooks, FollowupPlanner planner, ClinicCalendar calendar) {
        this.playbooks = playbooks;
        this.planner = planner;
        this.calendar = calendar;
    }

    /** The latest version of every playbook. */
    @GET
    public List<PlaybookView> list() {
        return playbooks.latest().stream().map(this::view).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(JsonNode body) {
        Playbook created = playbooks.create(body);
        return Response.created(URI.create("/playbooks/" + created.key)).entity(view(created)).build();
    }

    @GET
    @Path("/{key}")
    public PlaybookView get(@RestPath String key) {
        return view(playbooks.latest(key));
    }

    /** Saves the document as the playbook's next version; tasks already planned keep the version that planned them. */
    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{key}")
    public PlaybookView update(@RestPath String key, JsonNode body) {
        return view(playbooks.update(key, body));
    }

    @GET
    @Path("/{key}/versions")
    public List<PlaybookView> versions(@RestPath String key) {
        return playbooks.versions(key).stream().map(this::view).toList();
    }

    @GET
    @Path("/{key}/versions/{version}")
    public PlaybookView version(@RestPath String key, @RestPath int version) {
        return view(playbooks.version(key, version));
    }

    /** Checks a document without saving it: every violation, each naming its field. */
    @POST
    @Path("/validate")
    @RolesAllowed(Roles.ADMIN)
    public ValidationResult validate(JsonNode body) {
        PlaybookValidator.Parsed parsed = PlaybookValidator.parse(body);
        return new ValidationResult(parsed.valid(), parsed.violations());
    }

    /** What a visit would produce under this playbook: the tasks, their due times and fates, nothing saved. */
    @POST
    @Path("/{key}/dry-run")
    @RolesAllowed(Roles.ADMIN)
    public List<PlannedTaskView> dryRun(@RestPath String key, DryRun request) {
        if (request == null || request.visit() == null) {
            throw ProblemException.invalid("visit", "a visit to plan for is required");
        }
        if (request.visit().visitedAt() == null) {
            throw ProblemException.invalid("visit.visitedAt", "required");
        }
        if (request.visit().visitType() == null || request.visit().visitType().isBlank()) {
            throw ProblemException.invalid("visit.visitType", "required");
        }
        Playbook playbook = request.version() == null ? playbooks.latest(key) : playbooks.version(key, request.version());
        CustomerProfile customer = request.customerId() == null ? hypotheticalHousehold()
                : CustomerProfile.<CustomerProfile>findByIdOptional(request.customerId())
                .orElseThrow(() -> ProblemException.unprocessable("customerId", "customer " + request.customerId() + " is unknown"));
        DryRun.ProbeVisit probe = request.visit();
        Visit visit = new Visit();
        visit.visitId = UUID.randomUUID();
        visit.customerId = customer.customerId;
        visit.petId = probe.petId();
        visit.visitType = probe.visitType();
        visit.reason = probe.reason();
        visit.staffMember = probe.staffMember();
        visit.visitedAt = probe.visitedAt().toInstant();
        visit.recheckDate = probe.recheckDate();
        List<Pet> pets = probe.petId() == null ? List.of()
                : Pet.<Pet>findByIdOptional(probe.petId()).map(List::of).orElse(List.of());
        List<ActiveRule> rules = playbooks.definition(playbook).rules().stream()
                .filter(r -> r.trigger().event() == TriggerEvent.VISIT_RECORDED)
                .map(r -> new ActiveRule(playbook.key, playbook.version, r))
                .toList();
        return planner.plan(rules, new TriggerContext(customer, pets, visit, visit.visitedAt, null, null)).stream()
                .map(t -> PlannedTaskView.of(t, t.isCall() ? calendar.clinicZone() : ZoneId.of(customer.timezone)))
                .toList();
    }

    private CustomerProfile hypotheticalHousehold() {
        CustomerProfile customer = new CustomerProfile();
        customer.customerId = UUID.randomUUID();
        customer.name = "A household";
        customer.email = "household@example.com";
        customer.phone = "+440000000000";
        customer.postalAddress = "{}";
        customer.timezone = calendar.clinicZone().getId();
        customer.locale = "en";
        Map<String, Map<String, Object>> consents = new LinkedHashMap<>();
        Arrays.stream(Channel.values()).forEach(c -> consents.put(c.name(), Map.of("granted", true)));
        customer.consents = Events.mapper().valueToTree(consents).toString();
        return customer;
    }

    private PlaybookView view(Playbook playbook) {
        return new PlaybookView(playbook.key, playbook.version, playbook.createdAt, playbooks.definition(playbook));
    }
}
