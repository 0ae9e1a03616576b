package dev.tend.notification.rest;

import dev.tend.notification.InboundMessage;
import dev.tend.notification.inbound.InboundMessages;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** What customers wrote, for staff: the unmatched ones to link by hand, and any one message. */
@Path("/inbound-messages")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class InboundMessageResource {

    public record LinkRequest(UUID customerId) {
    }

    private final InboundMessages messages;

    public InboundMessageResource(InboundMessages messages) {
        this.messages = messages;
    }

    /** Newest first, paged, by status (UNMATCHED: the ones no household claimed yet). */
    @GET
    public Page<InboundMessageView> list(@QueryParam("status") String status,
                                         @QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("size") @DefaultValue("50") int size) {
        if (status == null) {
            throw ProblemException.invalid("status", "status is required");
        }
        String normalised = status.toUpperCase(Locale.ROOT);
        if (Arrays.stream(InboundMessage.Status.values()).noneMatch(s -> s.name().equals(normalised))) {
            throw ProblemException.invalid("status", "status must be one of " + Arrays.toString(InboundMessage.Status.values()));
        }
        if (page < 0) {
            throw ProblemException.invalid("page", "page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "size must be between 1 and 200");
        }
        var query = InboundMessage.<InboundMessage>find("status", Sort.descending("receivedAt"), normalised);
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(m -> InboundMessageView.of(m, messages::attachmentUrl)).toList(), page, size, query.count());
    }

    @GET
    @Path("/{id}")
    public InboundMessageView get(@RestPath UUID id) {
        InboundMessage message = InboundMessage.findById(id);
        if (message == null) {
            throw ProblemException.notFound("Inbound message", id);
        }
        return InboundMessageView.of(message, messages::attachmentUrl);
    }

    /** Staff say which household an unmatched message is from; it is published to that household. */
    @POST
    @Path("/{id}/link")
    public InboundMessageView link(@RestPath UUID id, LinkRequest request, @Context SecurityContext security) {
        if (request == null || request.customerId() == null) {
            throw ProblemException.invalid("customerId", "customerId is required");
        }
        String by = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return InboundMessageView.of(messages.link(id, request.customerId(), by), messages::attachmentUrl);
    }
}
