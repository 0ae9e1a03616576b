package dev.tend.customer.rest;

import dev.tend.customer.service.PetService;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
@Path("/customers/{customerId}/pets")
@Tag(name = "Pets")
public class CustomerPetsResource {

    private final PetService pets;

    public CustomerPetsResource(PetService pets) {
        this.pets = pets;
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Operation(summary = "A customer's pets, oldest registration first")
    @APIResponse(responseCode = "404", description = "No such customer")
    @Transactional
    public List<PetView> list(@RestPath UUID customerId) {
        return pets.ofCustomer(customerId).stream().map(pet -> PetView.of(pet, pets.photoUrl(pet))).toList();
    }
}
