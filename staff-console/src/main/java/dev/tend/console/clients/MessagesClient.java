package dev.tend.console.clients;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** notification-service: a household's conversation and staff answers, what customers wrote, templates. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/")
public interface MessagesClient {

    /** One message of a household's conversation: {@code OUT} (ours) or {@code IN} (theirs). */
    record ConversationEntry(String direction, UUID id, String channel, String status, String templateKey, String kind,
                             String subject, String body, String address, Integer rating, UUID inReplyTo, Instant at) {
        public boolean ours() {
            return "OUT".equals(direction);
        }
    }

    record ConversationPage(List<ConversationEntry> items, int page, int size, long total) {
    }

    /** Many households' latest messages at once: {@code size} of each. */
    record LatestRequest(List<UUID> customerIds, Integer size) {
    }

    /** One household's latest messages, newest first, and how many its conversation holds in all. */
    record HouseholdConversation(UUID customerId, List<ConversationEntry> items, long total) {
    }

    /** A staff answer; the service sends it on the channel the customer last wrote on unless one is named. */
    record Answer(String channel, String body, UUID inReplyToMessageId) {
    }

    record Sent(UUID id, String channel, String status, String templateKey, String recipient) {
    }

    record InboundMessage(UUID id, String channel, String status, String statusReason, String kind, String from, String to,
                          String subject, String body, Integer rating, UUID inReplyToNotificationId, List<UUID> customerIds,
                          String linkedBy, Instant receivedAt) {
    }

    record InboundPage(List<InboundMessage> items, int page, int size, long total) {
    }

    record Link(UUID customerId) {
    }

    record Template(String channel, String templateKey, String locale, String subject, String text, String html,
                    String source, long version) {
    }

    record PreviewRequest(String channel, String templateKey, String locale) {
    }

    record Preview(String subject, String text, String html, Integer segments, Map<String, String> data) {
    }

    @GET
    @Path("customers/{customerId}/messages")
    ConversationPage conversation(@PathParam("customerId") UUID customerId, @QueryParam("size") int size);

    /** At most {@link #MOST_HOUSEHOLDS} households a call. */
    @POST
    @Path("conversations/latest")
    List<HouseholdConversation> latest(LatestRequest request);

    /** notification-service answers for at most this many households a call. */
    int MOST_HOUSEHOLDS = 200;

    @POST
    @Path("customers/{customerId}/messages")
    Sent answer(@PathParam("customerId") UUID customerId, Answer answer);

    @GET
    @Path("inbound-messages")
    InboundPage inbound(@QueryParam("status") String status, @QueryParam("size") int size);

    @GET
    @Path("inbound-messages/{id}")
    InboundMessage inboundMessage(@PathParam("id") UUID id);

    @POST
    @Path("inbound-messages/{id}/link")
    InboundMessage link(@PathParam("id") UUID id, Link link);

    @GET
    @Path("templates")
    List<Template> templates();

    @POST
    @Path("templates/preview")
    Preview preview(PreviewRequest request);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ServiceProblem.from("notification-service", response);
    }
}
