package dev.tend.customer.rest;

import dev.tend.customer.Pet;
import dev.tend.customer.PetPhoto;
import dev.tend.customer.service.PetService;
import dev.tend.platform.rest.ETags;
import dev.tend.platform.rest.IdempotentRequests;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
@Path("/pets")
@Tag(name = "Pets", description = "A household's pets, their photos, and the day they die")
public class PetResource {

    private final PetService pets;
    private final IdempotentRequests idempotent;

    public PetResource(PetService pets, IdempotentRequests idempotent) {
        this.pets = pets;
        this.idempotent = idempotent;
    }

    @POST
    @Operation(summary = "Register a pet", description = "Publishes PetRegistered. Safe to retry with an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Valid @NotNull NewPet body, UriInfo uri) {
        return idempotent.create("POST /pets", idempotencyKey, body, () -> {
            Pet pet = pets.register(body);
            return new IdempotentRequests.Created(uri.getAbsolutePathBuilder().path(pet.id.toString()).build(),
                    PetView.of(pet, null));
        });
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.STAFF})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a pet")
    @APIResponse(responseCode = "404", description = "No such pet")
    @Transactional
    public Response get(@RestPath UUID id) {
        Pet pet = pets.find(id);
        return Response.ok(PetView.of(pet, pets.photoUrl(pet))).tag(Long.toString(pet.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Correct a pet's details", description = "Requires If-Match (or version). Publishes PetUpdated.")
    @APIResponse(responseCode = "409", description = "Changed by someone else since it was read")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version was given")
    public Response update(@RestPath UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PetChanges body) {
        Pet pet = pets.update(id, ETags.expectedVersion(ifMatch, body.version()), body);
        return view(pet.id);
    }

    @POST
    @Path("/{id}/death")
    @Operation(summary = "Record that a pet died", description = "Publishes PetDied: pending follow-ups for it stop, sympathy starts.")
    @APIResponse(responseCode = "409", description = "Already recorded as deceased")
    public Response died(@RestPath UUID id, @Valid @NotNull PetDeath body) {
        pets.markDeceased(id, body.diedOn());
        return view(id);
    }

    @POST
    @Path("/{id}/rehoming")
    @Operation(summary = "Record that a pet was rehomed", description = "Publishes PetUpdated with status rehomed.")
    public Response rehomed(@RestPath UUID id) {
        pets.rehome(id);
        return view(id);
    }

    @PUT
    @Path("/{id}/photo")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(summary = "Upload the pet's photo", description = "A JPEG or PNG body, at most 5 MB. Publishes PetUpdated with photoUrl.")
    @APIResponse(responseCode = "413", description = "Too large")
    @APIResponse(responseCode = "415", description = "Not a JPEG or PNG")
    public Response uploadPhoto(@RestPath UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        pets.uploadPhoto(id, contentType, body);
        return view(id);
    }

    @GET
    @Path("/{id}/photo")
    @Produces({"image/jpeg", "image/png"})
    @Operation(summary = "The pet's photo, as uploaded", description = "Open without a token: the unguessable "
            + "URL is the capability, so the print pipeline and email clients can fetch it.")
    @PermitAll
    @APIResponse(responseCode = "404", description = "No such pet, or no photo")
    @Transactional
    public Response photo(@RestPath UUID id) {
        PetPhoto photo = pets.photo(id);
        return Response.ok(photo.data, photo.contentType).build();
    }

    @Transactional
    Response view(UUID id) {
        Pet pet = pets.find(id);
        return Response.ok(PetView.of(pet, pets.photoUrl(pet))).tag(Long.toString(pet.version)).build();
    }
}
