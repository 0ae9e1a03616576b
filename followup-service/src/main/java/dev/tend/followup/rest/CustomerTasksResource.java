package dev.tend.followup.rest;

import dev.tend.followup.FollowupTask;
import dev.tend.followup.TaskEvent;
import dev.tend.followup.service.FeedbackService;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@Path("/customers/{customerId}")
public class CustomerTasksResource {

    private final FeedbackService feedback;
    private final AuditTrail audit;

    public CustomerTasksResource(FeedbackService feedback, AuditTrail audit) {
        this.audit = audit;
        this.feedback = feedback;
    }

    /** Every task planned for the household, oldest first, with what became of it; optionally those in one status. */
    @GET
    @Path("/tasks")
    public List<TaskView> tasks(@RestPath UUID customerId, @RestQuery String status,
                                @RestQuery @DefaultValue("0") int page, @RestQuery @DefaultValue("200") int size) {
        Sort order = Sort.by("createdAt").and("dueAt").and("id");
        var query = status == null
                ? FollowupTask.<FollowupTask>find("customerId", order, customerId)
                : FollowupTask.<FollowupTask>find("customerId = ?1 and status = ?2", order, customerId, parseStatus(status));
        return query.page(Page.of(requirePage(page), requireSize(size))).list().stream()
                .map(TaskView::of)
                .toList();
    }

    /**
     * Everything that happened to the household's tasks, in order: planned, fired, cancelled, suppressed, and why; and
     * the messages the household wrote, where they fall among the ones we sent.
     */
    @GET
    @Path("/timeline")
    public List<TimelineEntry> timeline(@RestPath UUID customerId,
                                        @RestQuery @DefaultValue("0") int page, @RestQuery @DefaultValue("200") int size) {
        List<TaskEvent> events = TaskEvent.<TaskEvent>find("customerId", Sort.by("at").and("id"), customerId)
                .page(Page.of(requirePage(page), requireSize(size))).list();
        List<UUID> taskIds = events.stream().map(e -> e.taskId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, FollowupTask> tasks = taskIds.isEmpty() ? Map.of()
                : FollowupTask.<FollowupTask>list("id in ?1", taskIds).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        return events.stream().map(e -> TimelineEntry.of(e, e.taskId == null ? null : tasks.get(e.taskId))).toList();
    }

    /** Records an answer to "how are we doing?"; a low rating puts a resolution call on the worklist. */
    @POST
    @Path("/feedback")
    @RolesAllowed({Roles.STAFF, Roles.INTEGRATION, Roles.ADMIN})
    @Transactional
    public Response feedback(@RestPath UUID customerId, @Valid NewFeedback answer) {
        if (answer == null) {
            throw ProblemException.invalid("rating", "a body with a rating is required");
        }
        FeedbackService.Recorded recorded = feedback.record(customerId, answer.taskId(), answer.rating(), answer.comment());
        // Audited here, not in FeedbackService: a rating the customer texted in reaches it without a person.
        audit.record(AuditAction.FEEDBACK_RECORDED, customerId, Map.of("feedbackId", recorded.feedback().id,
                "rating", answer.rating() == null ? "" : answer.rating()));
        FeedbackView view = new FeedbackView(recorded.feedback().id, customerId, recorded.feedback().rating,
                recorded.feedback().comment, recorded.feedback().negative, recorded.feedback().receivedAt,
                recorded.resolutionCall() == null ? null : recorded.resolutionCall().id);
        return Response.created(URI.create("/customers/" + customerId + "/feedback/" + view.id())).entity(view).build();
    }

    private static FollowupTask.Status parseStatus(String status) {
        try {
            return FollowupTask.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "one of " + Arrays.toString(FollowupTask.Status.values()));
        }
    }

    private static int requirePage(int page) {
        if (page < 0) {
            throw ProblemException.invalid("page", "pages count from 0");
        }
        return page;
    }

    private static int requireSize(int size) {
        if (size < 1 || size > 1000) {
            throw ProblemException.invalid("size", "from 1 to 1000");
        }
        return size;
    }
}
