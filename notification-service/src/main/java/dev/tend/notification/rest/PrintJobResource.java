package dev.tend.notification.rest;

import dev.tend.platform.rest.Roles;
import dev.tend.notification.PrintJob;
import dev.tend.notification.post.PrintJobs;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/print-jobs")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class PrintJobResource {

    private final PrintJobs jobs;

    public PrintJobResource(PrintJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    public List<PrintJobView> list(@QueryParam("status") String status,
                                   @QueryParam("page") @DefaultValue("0") int page,
                                   @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.invalid(page < 0 ? "page" : "size", "page must be 0 or more, size between 1 and 200");
        }
        var query = status == null
                ? PrintJob.<PrintJob>findAll(Sort.descending("createdAt"))
                : PrintJob.<PrintJob>find("status", Sort.descending("createdAt"), status.toUpperCase(Locale.ROOT));
        return query.page(Page.of(page, size)).list().stream().map(PrintJobView::of).toList();
    }

    /** A cut-off now, rather than at the next scheduled one. 201 with the job, or 204 when no card was waiting. */
    @POST
    public Response cutOff(UriInfo uri) {
        return jobs.cutOff()
                .map(id -> Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                        .entity(PrintJobView.of(find(id))).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/{id}")
    public PrintJobView get(@RestPath UUID id) {
        return PrintJobView.of(find(id));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@RestPath UUID id) {
        PrintJob job = built(id);
        return Response.ok(job.pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"print-job-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/{id}/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    public Response manifest(@RestPath UUID id) {
        return Response.ok(built(id).manifest, MediaType.APPLICATION_JSON).build();
    }

    /** Proofing and releasing a job to the print shop is an admin's call. */
    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    public PrintJobView approve(@RestPath UUID id) {
        return PrintJobView.of(jobs.approve(id));
    }

    private static PrintJob find(UUID id) {
        PrintJob job = PrintJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("Print job", id);
        }
        return job;
    }

    private static PrintJob built(UUID id) {
        PrintJob job = find(id);
        if (PrintJobs.BUILDING.equals(job.status)) {
            throw ProblemException.conflict("Print job " + id + " is still being laid out");
        }
        return job;
    }
}
