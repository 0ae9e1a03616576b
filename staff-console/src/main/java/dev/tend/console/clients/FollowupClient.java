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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** followup-service: the worklist, a household's tasks and timeline, feedback. */
@RegisterRestClient(configKey = "followup")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/")
public interface FollowupClient {

    record Household(UUID customerId, String name, String phone, String email, String timezone) {
    }

    record Pet(UUID petId, String name, String species, String breed, LocalDate birthDate, String status, String photoUrl) {
    }

    record Visit(UUID visitId, UUID petId, Instant visitedAt, String visitType, String reason, String staffMember,
                 String outcome, String notes, LocalDate recheckDate) {
    }

    record EarlierCall(UUID taskId, String templateKey, Instant completedAt, String completedBy, String outcome, String note) {
    }

    record FeedbackLine(Instant receivedAt, int rating, String comment) {
    }

    /** The message of ours a customer's message answers. */
    record InReplyTo(UUID notificationId, UUID taskId, String templateKey, String channel, Instant sentAt) {
    }

    record Attachment(String fileName, String contentType, long sizeBytes, String url) {
    }

    /** One message a customer wrote, as the reply item carries it. */
    record MessageLine(UUID messageId, String channel, String kind, String from, String body, Instant receivedAt,
                       Integer rating, List<String> urgentWords, InReplyTo inReplyTo, List<Attachment> attachments) {
    }

    /** A reply item's thread; {@code sharedSender}: the number or address is shared with other households. */
    record Conversation(boolean sharedSender, List<UUID> sharedWithCustomerIds, List<MessageLine> messages) {
    }

    /**
     * A call ({@code kind} FOLLOWUP) or a customer's reply ({@code kind} REPLY, with its {@code conversation}) on the
     * worklist, with what the person should read up on first.
     */
    record Call(UUID taskId, String kind, String templateKey, String rule, String priority, boolean urgent, String status,
                Instant dueAt, boolean overdue, String assignee, String team, String reason, Household household,
                List<Pet> pets, List<Visit> lastVisits, List<EarlierCall> earlierCalls, List<FeedbackLine> feedback,
                Conversation conversation) {

        public boolean reply() {
            return "REPLY".equals(kind);
        }

        public List<MessageLine> messages() {
            return conversation == null || conversation.messages() == null ? List.of() : conversation.messages();
        }
    }

    /** The day's worklist in numbers (what {@code GET /worklist} lists), and what was completed that day. */
    record Summary(LocalDate date, long callsDue, long repliesWaiting, long urgentReplies, long overdue, long doneToday) {
    }

    record Outcome(String outcome, String note, String completedBy) {
    }

    record Snooze(OffsetDateTime until) {
    }

    record Assignment(String assignee, String team) {
    }

    /** A task of a household, with what became of it. */
    record Task(UUID id, String rule, String channel, String templateKey, String status, Instant dueAt, String statusReason,
                String deliveryStatus, String assignee, String team, String outcome, String outcomeNote, Instant completedAt) {
    }

    /** One line of the household's "why / why not" timeline. */
    record TimelineEntry(Instant at, UUID taskId, String rule, String templateKey, String kind, String channel,
                         String detail, String taskStatus, String deliveryStatus) {
    }

    record NewFeedback(Integer rating, String comment) {
    }

    record Feedback(UUID id, int rating, String comment, boolean negative, UUID resolutionTaskId) {
    }

    /** A playbook's latest version; the definition is kept as the service's JSON, to be edited as such. */
    record Playbook(String key, int version, Instant createdAt, com.fasterxml.jackson.databind.JsonNode definition) {
    }

    record Violation(String field, String message) {
    }

    record Validation(boolean valid, List<Violation> violations) {
    }

    record ProbeVisit(String visitType, String reason, OffsetDateTime visitedAt, LocalDate recheckDate) {
    }

    record DryRun(ProbeVisit visit) {
    }

    record PlannedTask(String rule, String templateKey, String channel, String priority, String status, String reason,
                       Instant dueAt, String dueLocal, Instant expiresAt) {
    }

    @GET
    @Path("playbooks")
    List<Playbook> playbooks();

    @GET
    @Path("playbooks/{key}")
    Playbook playbook(@PathParam("key") String key);

    @POST
    @Path("playbooks/validate")
    Validation validate(com.fasterxml.jackson.databind.JsonNode definition);

    @jakarta.ws.rs.PUT
    @Path("playbooks/{key}")
    Playbook update(@PathParam("key") String key, com.fasterxml.jackson.databind.JsonNode definition);

    @POST
    @Path("playbooks/{key}/dry-run")
    List<PlannedTask> dryRun(@PathParam("key") String key, DryRun request);

    @GET
    @Path("customers/{customerId}/tasks")
    List<Task> tasks(@PathParam("customerId") UUID customerId);

    @GET
    @Path("customers/{customerId}/timeline")
    List<TimelineEntry> timeline(@PathParam("customerId") UUID customerId);

    @POST
    @Path("customers/{customerId}/feedback")
    Feedback feedback(@PathParam("customerId") UUID customerId, NewFeedback feedback);

    /** {@code kind}: REPLY for replies only, FOLLOWUP for calls only, null for both. */
    @GET
    @Path("worklist")
    List<Call> worklist(@QueryParam("date") LocalDate date, @QueryParam("team") String team, @QueryParam("kind") String kind);

    @GET
    @Path("worklist/summary")
    Summary summary(@QueryParam("date") LocalDate date, @QueryParam("team") String team);

    @GET
    @Path("worklist/{taskId}")
    Call call(@PathParam("taskId") UUID taskId);

    @POST
    @Path("worklist/{taskId}/complete")
    Call complete(@PathParam("taskId") UUID taskId, Outcome outcome);

    @POST
    @Path("worklist/{taskId}/snooze")
    Call snooze(@PathParam("taskId") UUID taskId, Snooze snooze);

    @POST
    @Path("worklist/{taskId}/assign")
    Call assign(@PathParam("taskId") UUID taskId, Assignment assignment);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ServiceProblem.from("followup-service", response);
    }
}
