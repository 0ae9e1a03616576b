package dev.tend.notification.rest;

import dev.tend.platform.rest.Roles;
import dev.tend.notification.Notification;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Path("/notifications")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class NotificationResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "PRINTING", "SENT", "DELIVERED", "FAILED", "SUPPRESSED");

    /** Newest first, paged; filtered by customer, status, or both. */
    @GET
    public List<NotificationView> list(@QueryParam("customerId") UUID customerId, @QueryParam("status") String status,
                                       @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("50") int size) {
        if (customerId == null && status == null) {
            throw ProblemException.invalid("customerId", "customerId or status is required");
        }
        if (page < 0) {
            throw ProblemException.invalid("page", "page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "size must be between 1 and 200");
        }
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (customerId != null) {
            where.add("customerId = :customerId");
            parameters.and("customerId", customerId);
        }
        if (status != null) {
            String normalised = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(normalised)) {
                throw ProblemException.invalid("status", "status must be one of " + STATUSES);
            }
            where.add("status = :status");
            parameters.and("status", normalised);
        }
        return Notification.<Notification>find(String.join(" and ", where), Sort.descending("createdAt"), parameters)
                .page(Page.of(page, size)).list().stream()
                .map(NotificationView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public NotificationView get(@RestPath UUID id) {
        return NotificationView.of(find(id));
    }

    @GET
    @Path("/{id}/content")
    public NotificationContent content(@RestPath UUID id) {
        Notification n = find(id);
        return new NotificationContent(n.channel, n.recipient, n.subject, n.bodyText, n.bodyHtml, n.segments,
                n.cardPdf == null ? null : "/notifications/" + id + "/card.pdf");
    }

    @GET
    @Path("/{id}/card.pdf")
    @Produces("application/pdf")
    public Response card(@RestPath UUID id) {
        Notification n = find(id);
        if (n.cardPdf == null) {
            throw ProblemException.notFound("Postcard PDF of notification", id);
        }
        return Response.ok(n.cardPdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"card-" + id + ".pdf\"").build();
    }

    private static Notification find(UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null) {
            throw ProblemException.notFound("Notification", id);
        }
        return notification;
    }
}
