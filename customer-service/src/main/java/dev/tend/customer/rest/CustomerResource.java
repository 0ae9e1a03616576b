package dev.tend.customer.rest;

import dev.tend.customer.Customer;
import dev.tend.customer.service.CustomerService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

@Path("/customers")
public class CustomerResource {

    private final CustomerService customers;

    public CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @POST
    public Response register(@Valid @NotNull NewCustomer body, UriInfo uri) {
        Customer customer = customers.register(body.name(), body.email(), body.phone(), body.timezone(), body.locale());
        return Response.created(uri.getAbsolutePathBuilder().path(customer.id.toString()).build())
                .entity(CustomerView.of(customer)).build();
    }

    @GET
    @Path("/{id}")
    public CustomerView get(@RestPath UUID id) {
        return CustomerView.of(customers.find(id));
    }
}
