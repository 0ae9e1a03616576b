package dev.tend.notification.rest;

import dev.tend.notification.InboundAttachment;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * A file a customer sent us, at an unguessable URL (a random id), like pet photos: the link goes into events and
 * onto the worklist, where staff open it without a token. Served as an attachment, never rendered inline, so a
 * file cannot run as a page of ours.
 */
@PermitAll
@Path("/inbound-attachments/{id}")
public class InboundAttachmentResource {

    @GET
    public Response get(@RestPath UUID id) {
        InboundAttachment attachment = InboundAttachment.findById(id);
        if (attachment == null || attachment.content == null) {
            throw ProblemException.notFound("Attachment", id);
        }
        String name = attachment.fileName == null ? "attachment" : attachment.fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(attachment.content, attachment.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }
}
