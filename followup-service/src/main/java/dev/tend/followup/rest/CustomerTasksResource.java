package dev.tend.followup.rest;

import dev.tend.followup.FollowupTask;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

@Path("/customers/{customerId}/tasks")
public class CustomerTasksResource {

    /** Every task planned for the household, oldest first, with what became of it. */
    @GET
    public List<TaskView> list(@RestPath UUID customerId) {
        return FollowupTask.<FollowupTask>list("customerId", Sort.by("createdAt"), customerId).stream()
                .map(TaskView::of)
                .toList();
    }
}
