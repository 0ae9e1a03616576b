package dev.tend.notification.rest;

import dev.tend.notification.Notification;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.UUID;

@Path("/notifications")
public class NotificationResource {

    @GET
    public List<NotificationView> byCustomer(@QueryParam("customerId") UUID customerId) {
        if (customerId == null) {
            throw ProblemException.invalid("customerId", "customerId is required");
        }
        return Notification.<Notification>list("customerId", Sort.by("createdAt"), customerId).stream()
                .map(NotificationView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public NotificationView get(@RestPath UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null) {
            throw ProblemException.notFound("Notification", id);
        }
        return NotificationView.of(notification);
    }
}
