package dev.tend.customer.rest;

import dev.tend.customer.Visit;
import dev.tend.customer.service.VisitService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

@Path("/visits")
public class VisitResource {

    private final VisitService visits;

    public VisitResource(VisitService visits) {
        this.visits = visits;
    }

    @POST
    public Response record(@Valid @NotNull NewVisit body, UriInfo uri) {
        Visit visit = visits.record(body.customerId(), body.petId(), body.visitType(), body.reason(),
                body.staffMember(), body.visitedAt(), body.recheckDate(), body.notes());
        return Response.created(uri.getAbsolutePathBuilder().path(visit.id.toString()).build())
                .entity(VisitView.of(visit)).build();
    }

    @GET
    @Path("/{id}")
    public VisitView get(@RestPath UUID id) {
        return VisitView.of(visits.find(id));
    }
}
