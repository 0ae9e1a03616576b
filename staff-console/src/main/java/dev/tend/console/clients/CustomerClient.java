package dev.tend.console.clients;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** customer-service: households, their contact points and consent, pets, visits. */
@RegisterRestClient(configKey = "customer")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/")
public interface CustomerClient {

    record Address(String line1, String line2, String city, String region, String postalCode, String country) {
    }

    record Consent(String channel, boolean granted, String source, Instant changedAt) {
    }

    record Customer(UUID id, String name, List<String> emails, List<String> phones, Address postalAddress, String timezone,
                    String locale, List<String> preferredChannels, List<Consent> consents, Set<String> tags, String notes) {
    }

    record CustomerPage(List<Customer> items, int page, int size, long total) {
    }

    record Pet(UUID id, String name, String species, String breed, LocalDate birthDate, String status, LocalDate diedOn,
               String photoUrl) {
    }

    record Visit(UUID id, UUID petId, String visitType, String reason, String staffMember, Instant visitedAt,
                 LocalDate recheckDate, String notes, String outcome, String status) {
    }

    record VisitPage(List<Visit> items, long total) {
    }

    @GET
    @Path("customers")
    CustomerPage search(@QueryParam("q") String query, @QueryParam("size") int size);

    @GET
    @Path("customers/{id}")
    Customer customer(@PathParam("id") UUID id);

    @GET
    @Path("customers/{id}/pets")
    List<Pet> pets(@PathParam("id") UUID id);

    @GET
    @Path("visits")
    VisitPage visits(@QueryParam("customerId") UUID customerId, @QueryParam("size") int size);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ServiceProblem.from("customer-service", response);
    }
}
