package dev.tend.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tend.console.clients.NotificationClient;
import dev.tend.console.clients.NotificationClient.PrintJob;
import dev.tend.console.clients.ServiceProblem;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Postcards: print jobs awaiting approval, proofed from thumbnails of both sides of every card; approve (admin). */
@Path("/postcards")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PostcardsResource {

    /** A proof shows at most this many sides; the PDF holds the rest. */
    private static final int MAX_THUMBNAILS = 40;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final NotificationClient notifications;
    private final PostcardThumbnails thumbnails;

    public PostcardsResource(@RestClient NotificationClient notifications, PostcardThumbnails thumbnails) {
        this.notifications = notifications;
        this.thumbnails = thumbnails;
    }

    @GET
    public TemplateInstance list() {
        List<PrintJob> jobs = notifications.printJobs(null);
        return Pages.postcards(jobs.stream().filter(PostcardsResource::awaiting).toList(),
                jobs.stream().filter(job -> !awaiting(job)).toList());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance job(@RestPath UUID id, @RestQuery String approved) {
        PrintJob job = notifications.printJob(id);
        int pages = Math.min(MAX_THUMBNAILS, thumbnails.pages(notifications.pdf(id)));
        return Pages.postcard(job, awaiting(job), IntStream.range(0, pages).mapToObj(Pages.Side::of).toList(), manifest(id),
                approved != null, null);
    }

    @GET
    @Path("/{id}/pages/{index}")
    @Produces("image/png")
    public Response thumbnail(@RestPath UUID id, @RestPath int index) {
        byte[] png = thumbnails.page(notifications.pdf(id), index);
        return png == null ? Response.status(Response.Status.NOT_FOUND).build()
                : Response.ok(png, "image/png").header("Cache-Control", "private, max-age=3600").build();
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@RestPath UUID id) {
        return Response.ok(notifications.pdf(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"print-job-" + id + ".pdf\"").build();
    }

    @POST
    @Path("/{id}/approve")
    public Response approve(@RestPath UUID id) {
        try {
            notifications.approve(id);
        } catch (ServiceProblem problem) {
            PrintJob job = notifications.printJob(id);
            int pages = Math.min(MAX_THUMBNAILS, thumbnails.pages(notifications.pdf(id)));
            return Response.status(problem.status() == 409 ? 409 : 502).entity(Pages.postcard(job, awaiting(job),
                    IntStream.range(0, pages).mapToObj(Pages.Side::of).toList(), manifest(id), false, problem.getMessage()).render()).build();
        }
        return Response.seeOther(URI.create("/postcards/" + id + "?approved=yes")).build();
    }

    private String manifest(UUID id) {
        String raw = notifications.manifest(id);
        try {
            return JSON.writeValueAsString(JSON.readTree(raw));
        } catch (java.io.IOException e) {
            return raw;
        }
    }

    private static boolean awaiting(PrintJob job) {
        return "AWAITING_APPROVAL".equals(job.status());
    }
}
