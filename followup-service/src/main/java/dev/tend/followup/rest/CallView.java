package dev.tend.followup.rest;

import dev.tend.contracts.conversation.InReplyTo;
import dev.tend.followup.CustomerMessage;
import dev.tend.followup.Feedback;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.Pet;
import dev.tend.followup.Visit;
import dev.tend.followup.service.Worklist.CallContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A call or a customer's reply on the worklist with what the person should read up on first; for a reply
 * ({@code kind} REPLY), the {@code conversation}: each message, what of ours it answers, and whether the sender is
 * shared with other households.
 */
public record CallView(UUID taskId, String kind, String templateKey, String rule, String priority, boolean urgent,
                       String status, Instant dueAt, boolean overdue, String assignee, String team, String reason,
                       Household household, List<PetView> pets, List<VisitView> lastVisits, List<EarlierCall> earlierCalls,
                       List<FeedbackLine> feedback, Conversation conversation) {

    public record Household(UUID customerId, String name, String phone, String email, String timezone) {
    }

    public record PetView(UUID petId, String name, String species, String breed, LocalDate birthDate, String status,
                          String photoUrl) {
    }

    public record VisitView(UUID visitId, UUID petId, Instant visitedAt, String visitType, String reason,
                            String staffMember, String outcome, String notes, LocalDate recheckDate) {
    }

    public record EarlierCall(UUID taskId, String templateKey, Instant completedAt, String completedBy, String outcome,
                              String note) {
    }

    public record FeedbackLine(Instant receivedAt, int rating, String comment) {
    }

    /** @param sharedSender whether any message came from a number or address other households share: staff choose */
    public record Conversation(boolean sharedSender, List<UUID> sharedWithCustomerIds, List<MessageLine> messages) {
    }

    public record MessageLine(UUID messageId, String channel, String kind, String from, String body, Instant receivedAt,
                              Integer rating, List<String> urgentWords, InReplyToView inReplyTo, List<AttachmentLink> attachments) {
    }

    /** The message of ours a customer's message answers. */
    public record InReplyToView(UUID notificationId, UUID taskId, String templateKey, String channel, Instant sentAt) {
    }

    public record AttachmentLink(String fileName, String contentType, long sizeBytes, String url) {
    }

    static CallView of(FollowupTask call, boolean overdue, CallContext context) {
        return new CallView(call.id, call.kind.name(), call.templateKey, call.rule, call.priority, call.urgent,
                call.status.name(), call.dueAt, overdue, call.assignee, call.team, call.statusReason,
                context.customer() == null ? null : new Household(context.customer().customerId, context.customer().name,
                        context.customer().phone, context.customer().email, context.customer().timezone),
                context.pets().stream().map(CallView::pet).toList(),
                context.lastVisits().stream().map(CallView::visit).toList(),
                context.earlierCalls().stream().map(c -> new EarlierCall(c.id, c.templateKey, c.completedAt, c.completedBy,
                        c.outcome, c.outcomeNote)).toList(),
                context.feedback().stream().map(CallView::feedback).toList(),
                call.isReply() ? conversation(context.thread()) : null);
    }

    private static Conversation conversation(List<CustomerMessage> thread) {
        List<UUID> shared = thread.stream().flatMap(m -> m.sharedWith.stream()).distinct().toList();
        return new Conversation(!shared.isEmpty(), shared, thread.stream().map(CallView::message).toList());
    }

    private static MessageLine message(CustomerMessage message) {
        InReplyTo answers = message.inReplyTo();
        return new MessageLine(message.messageId, message.channel, message.kind, message.sender, message.body,
                message.receivedAt, message.rating, message.urgentWords,
                answers == null ? null : new InReplyToView(answers.notificationId(), answers.taskId(), answers.templateKey(),
                        answers.channel() == null ? null : answers.channel().name(), answers.sentAt()),
                message.attachments().stream().map(a -> new AttachmentLink(a.fileName(), a.contentType(), a.sizeBytes(), a.url()))
                        .toList());
    }

    private static PetView pet(Pet pet) {
        return new PetView(pet.petId, pet.name, pet.species, pet.breed, pet.birthDate, pet.status, pet.photoUrl);
    }

    private static VisitView visit(Visit visit) {
        return new VisitView(visit.visitId, visit.petId, visit.visitedAt, visit.visitType, visit.reason, visit.staffMember,
                visit.outcome, visit.notes, visit.recheckDate);
    }

    private static FeedbackLine feedback(Feedback feedback) {
        return new FeedbackLine(feedback.receivedAt, feedback.rating, feedback.comment);
    }
}
