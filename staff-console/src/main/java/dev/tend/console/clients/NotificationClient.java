package dev.tend.console.clients;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** notification-service: postcard print jobs. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/print-jobs")
public interface NotificationClient {

    record PrintJob(UUID id, String status, int pieceCount, Instant createdAt, Instant approvedAt, Instant releasedAt,
                    String folder) {
    }

    @GET
    List<PrintJob> printJobs(@QueryParam("status") String status);

    @GET
    @Path("/{id}")
    PrintJob printJob(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    byte[] pdf(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/manifest")
    @Produces("application/json")
    String manifest(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/approve")
    PrintJob approve(@PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ServiceProblem.from("notification-service", response);
    }
}
