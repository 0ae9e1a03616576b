package dev.tend.customer.rest;

import dev.tend.contracts.Channel;
import dev.tend.contracts.customer.Consent;
import dev.tend.customer.Customer;
import dev.tend.customer.service.ConsentService;
import dev.tend.customer.service.CustomerEvents;
import dev.tend.customer.service.CustomerService;
import dev.tend.customer.service.Erasure;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ETags;
import dev.tend.platform.rest.IdempotentRequests;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
@Path("/customers")
@Tag(name = "Customers", description = "Households, their contact points, consent and preferences")
public class CustomerResource {

    private final CustomerService customers;
    private final ConsentService consents;
    private final IdempotentRequests idempotent;
    private final Erasure erasure;
    private final AuditTrail audit;

    public CustomerResource(CustomerService customers, ConsentService consents, IdempotentRequests idempotent,
                            Erasure erasure, AuditTrail audit) {
        this.audit = audit;
        this.customers = customers;
        this.consents = consents;
        this.idempotent = idempotent;
        this.erasure = erasure;
    }

    @POST
    @Operation(summary = "Register a customer", description = "Publishes CustomerRegistered. Safe to retry with an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the customer")
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json names it)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Valid @NotNull NewCustomer body, UriInfo uri) {
        return idempotent.create("POST /customers", idempotencyKey, body, () -> {
            Customer customer = customers.register(body);
            return new IdempotentRequests.Created(location(uri, customer.id), CustomerView.of(customer));
        });
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Operation(summary = "List customers", description = "Search by name, email or phone; filter by tag; paged, by name.")
    @Transactional
    public Page<CustomerView> list(@QueryParam("q") @Size(max = 200) String search,
                                   @QueryParam("tag") @Size(max = 40) String tag,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<Customer> found = customers.list(search, tag, page, size);
        return new Page<>(found.items().stream().map(CustomerView::of).toList(), page, size, found.total());
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a customer", description = "The ETag is the version to send back in If-Match.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @Transactional
    public Response get(@RestPath UUID id) {
        Customer customer = customers.find(id);
        return Response.ok(CustomerView.of(customer)).tag(ETags.of(customer.version).replace("\"", "")).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a customer", description = "Requires If-Match (or version). Publishes CustomerUpdated.")
    @APIResponse(responseCode = "409", description = "Changed by someone else since it was read")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version was given")
    public Response update(@RestPath UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CustomerChanges body) {
        Customer customer = customers.update(id, ETags.expectedVersion(ifMatch, body.version()), body);
        return Response.ok(view(customer.id)).tag(Long.toString(customer.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a customer (right to erasure)", description = "Deletes the household, its pets, "
            + "photos, visits and consents, and publishes CustomerErased so the other services forget it too.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such customer (or already erased)")
    public Response erase(@RestPath UUID id) {
        erasure.erase(id);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Path("/{id}/consents")
    @Operation(summary = "A customer's consent per channel", description = "A channel not listed is not consented.")
    @Transactional
    public List<Consent> consents(@RestPath UUID id) {
        return CustomerEvents.snapshot(customers.find(id)).consents();
    }

    @PUT
    @Path("/{id}/consents/{channel}")
    @Operation(summary = "Record consent given or withdrawn on a channel", description = "Publishes ConsentChanged when it changes.")
    @Transactional
    public Consent decide(@RestPath UUID id, @RestPath Channel channel, @Valid @NotNull ConsentDecision body) {
        customers.find(id);
        var consent = consents.decide(id, channel, body.granted(), body.source());
        // Here, not in ConsentService: a customer's own unsubscribe reaches it from notification-service as an event.
        audit.record(AuditAction.CONSENT_CHANGED, id, Map.of("channel", channel.name(), "granted", consent.granted));
        return new Consent(channel, consent.granted, consent.source, consent.changedAt);
    }

    @Transactional
    CustomerView view(UUID id) {
        return CustomerView.of(customers.find(id));
    }

    private static java.net.URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("customers").path(id.toString()).build();
    }
}
