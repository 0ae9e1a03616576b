package dev.tend.notification.rest;

import dev.tend.notification.Notification;
import dev.tend.notification.inbound.StaffAnswers;
import dev.tend.platform.rest.IdempotentRequests;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.UUID;

/** A household's conversation with the clinic, both ways, and staff answers into it. */
@Path("/customers/{customerId}/messages")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class CustomerMessageResource {

    private final StaffAnswers answers;
    private final IdempotentRequests idempotent;
    private final Conversations conversations;

    public CustomerMessageResource(StaffAnswers answers, IdempotentRequests idempotent, Conversations conversations) {
        this.answers = answers;
        this.idempotent = idempotent;
        this.conversations = conversations;
    }

    /** A one-off message from staff: 201 with the notification, sent by the dispatcher like every other. */
    @POST
    public Response send(@RestPath UUID customerId, StaffAnswers.Request request,
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        if (request == null) {
            throw ProblemException.invalid("body", "a message is required");
        }
        return idempotent.create("staff-message:" + customerId, idempotencyKey, request, () -> {
            Notification notification = answers.send(customerId, request);
            return new IdempotentRequests.Created(URI.create("/notifications/" + notification.id),
                    NotificationView.of(notification));
        });
    }

    /** Newest first, paged: what we sent them and what they wrote, in one list. */
    @GET
    public Page<ConversationEntry> conversation(@RestPath UUID customerId,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "size must be between 1 and 200");
        }
        Conversations.Latest latest = conversations.page(customerId, page, size);
        return new Page<>(latest.items(), page, size, latest.total());
    }
}
