package dev.tend.customer.rest;

import dev.tend.customer.Visit;
import dev.tend.customer.service.VisitService;
import dev.tend.platform.rest.ETags;
import dev.tend.platform.rest.IdempotentRequests;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;
import java.util.UUID;

@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
@Path("/visits")
// A one-field body (a cancellation's reason) would otherwise be built from any text/plain body as a string.
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Visits", description = "Visits to the practice: what follow-ups are planned from")
public class VisitResource {

    private final VisitService visits;
    private final IdempotentRequests idempotent;

    public VisitResource(VisitService visits, IdempotentRequests idempotent) {
        this.visits = visits;
        this.idempotent = idempotent;
    }

    @POST
    @Operation(summary = "Record a visit", description = "Publishes VisitRecorded. Safe to retry with an Idempotency-Key: "
            + "a retry returns the first result and creates nothing.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "A field is invalid, e.g. a recheck before the visit")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response record(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull NewVisit body, UriInfo uri) {
        return idempotent.create("POST /visits", idempotencyKey, body, () -> {
            Visit visit = visits.record(body);
            return new IdempotentRequests.Created(uri.getAbsolutePathBuilder().path(visit.id.toString()).build(),
                    VisitView.of(visit));
        });
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Operation(summary = "List a customer's visits", description = "Newest first; optionally one pet's, within [from, to).")
    public Page<VisitView> list(@QueryParam("customerId") UUID customerId, @QueryParam("petId") UUID petId,
                                @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (customerId == null) {
            throw ProblemException.invalid("customerId", "customerId is required");
        }
        Page<Visit> found = visits.list(customerId, petId, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), page, size);
        return new Page<>(found.items().stream().map(VisitView::of).toList(), page, size, found.total());
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a visit")
    @APIResponse(responseCode = "404", description = "No such visit")
    public Response get(@RestPath UUID id) {
        Visit visit = visits.find(id);
        return Response.ok(VisitView.of(visit)).tag(Long.toString(visit.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Correct a visit", description = "Requires If-Match (or version). Publishes VisitCorrected.")
    @APIResponse(responseCode = "409", description = "Changed since it was read, or cancelled")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version was given")
    public Response correct(@RestPath UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull VisitChanges body) {
        Visit visit = visits.correct(id, ETags.expectedVersion(ifMatch, body.version()), body);
        return Response.ok(VisitView.of(visit)).tag(Long.toString(visit.version)).build();
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(summary = "Cancel a visit", description = "Publishes VisitCancelled: what was planned from it is cancelled.")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    public VisitView cancel(@RestPath UUID id, @Valid @NotNull VisitCancellation body) {
        return VisitView.of(visits.cancel(id, body.reason()));
    }
}
