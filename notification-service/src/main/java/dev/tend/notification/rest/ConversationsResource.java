package dev.tend.notification.rest;

import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Many households' latest messages in one call, for a page that shows several conversations at once (the console's
 * Inbox) instead of one call per household. A POST because 200 household ids do not fit in a URL; it changes nothing.
 */
@Path("/conversations")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class ConversationsResource {

    /** The most households one request may ask for. */
    static final int MAX_HOUSEHOLDS = 200;
    /** The most messages per household one request may ask for. */
    static final int MAX_SIZE = 50;
    static final int DEFAULT_SIZE = 20;

    /** @param size how many of each household's latest messages; {@value #DEFAULT_SIZE} when not given */
    public record LatestRequest(List<UUID> customerIds, Integer size) {
    }

    /** One household's latest messages, newest first, and how many its conversation holds in all. */
    public record HouseholdConversation(UUID customerId, List<ConversationEntry> items, long total) {
    }

    private final Conversations conversations;

    public ConversationsResource(Conversations conversations) {
        this.conversations = conversations;
    }

    /** Each household asked for, in the order asked (a repeated id once), with its latest messages. */
    @POST
    @Path("/latest")
    public List<HouseholdConversation> latest(LatestRequest request) {
        if (request == null || request.customerIds() == null || request.customerIds().isEmpty()) {
            throw ProblemException.invalid("customerIds", "name at least one household");
        }
        if (request.customerIds().stream().anyMatch(Objects::isNull)) {
            throw ProblemException.invalid("customerIds", "a household id is missing");
        }
        List<UUID> households = request.customerIds().stream().distinct().toList();
        if (households.size() > MAX_HOUSEHOLDS) {
            throw ProblemException.invalid("customerIds", "at most " + MAX_HOUSEHOLDS + " households at a time");
        }
        int size = request.size() == null ? DEFAULT_SIZE : request.size();
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "size must be between 1 and " + MAX_SIZE);
        }
        Map<UUID, Conversations.Latest> latest = conversations.latest(households, size);
        return households.stream()
                .map(id -> new HouseholdConversation(id, latest.get(id).items(), latest.get(id).total())).toList();
    }
}
