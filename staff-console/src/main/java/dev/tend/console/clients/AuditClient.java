package dev.tend.console.clients;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /audit}, which every service answers the same way: built once per service by {@link HouseholdAudit},
 * at the service's configured URL.
 */
@Path("/audit")
public interface AuditClient {

    record Entry(long id, Instant at, String actor, String action, UUID customerId, JsonNode details, String correlationId) {
    }

    record EntryPage(List<Entry> items, long total) {
    }

    /** Asynchronous, so that the household page asks the three services at once. */
    @GET
    CompletionStage<EntryPage> household(@HeaderParam("Authorization") String authorization, @QueryParam("customerId") UUID customerId,
                        @QueryParam("size") int size);
}
