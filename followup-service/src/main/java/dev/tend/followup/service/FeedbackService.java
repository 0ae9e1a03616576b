package dev.tend.followup.service;

import dev.tend.followup.CustomerProfile;
import dev.tend.followup.Feedback;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.playbook.Templates;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Records "how are we doing?" answers; a complaint starts the loop: hear it, fix it, confirm. */
@ApplicationScoped
public class FeedbackService {

    public record Recorded(Feedback feedback, FollowupTask resolutionCall) {
    }

    private final Worklist worklist;
    private final FollowupConfig config;
    private final Clock clock;

    public FeedbackService(Worklist worklist, FollowupConfig config, Clock clock) {
        this.worklist = worklist;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(UUID customerId, UUID taskId, Integer rating, String comment) {
        if (CustomerProfile.findById(customerId) == null) {
            throw ProblemException.notFound("Customer", customerId);
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw ProblemException.invalid("rating", "a rating from 1 to 5");
        }
        FollowupTask request = null;
        if (taskId != null) {
            request = FollowupTask.findById(taskId);
            if (request == null || !request.customerId.equals(customerId)) {
                throw ProblemException.unprocessable("taskId", "task " + taskId + " is not one of this household's");
            }
        }
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.customerId = customerId;
        feedback.taskId = taskId;
        feedback.rating = rating;
        feedback.comment = comment;
        feedback.negative = rating <= config.feedback().negativeAtMost();
        feedback.receivedAt = clock.instant();
        feedback.persist();
        FollowupTask resolution = null;
        if (feedback.negative) {
            FollowupTask cause = request != null ? request : new FollowupTask();
            cause.customerId = customerId;
            resolution = worklist.workflowCall(cause, Templates.FEEDBACK_RESOLUTION, clock.instant(),
                    "rated " + rating + "/5" + (comment == null ? "" : ": " + comment));
        }
        return new Recorded(feedback, resolution);
    }
}
