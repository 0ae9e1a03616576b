package dev.tend.followup.rest;

import dev.tend.followup.Feedback;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.Pet;
import dev.tend.followup.Visit;
import dev.tend.followup.service.Worklist.CallContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A call on the worklist with what the caller should read up on first. */
public record CallView(UUID taskId, String templateKey, String rule, String priority, String status, Instant dueAt,
                       boolean overdue, String assignee, String team, String reason, Household household,
                       List<PetView> pets, List<VisitView> lastVisits, List<EarlierCall> earlierCalls,
                       List<FeedbackLine> feedback) {

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

    static CallView of(FollowupTask call, boolean overdue, CallContext context) {
        return new CallView(call.id, call.templateKey, call.rule, call.priority, call.status.name(), call.dueAt, overdue,
                call.assignee, call.team, call.statusReason,
                context.customer() == null ? null : new Household(context.customer().customerId, context.customer().name,
                        context.customer().phone, context.customer().email, context.customer().timezone),
                context.pets().stream().map(CallView::pet).toList(),
                context.lastVisits().stream().map(CallView::visit).toList(),
                context.earlierCalls().stream().map(c -> new EarlierCall(c.id, c.templateKey, c.completedAt, c.completedBy,
                        c.outcome, c.outcomeNote)).toList(),
                context.feedback().stream().map(CallView::feedback).toList());
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
