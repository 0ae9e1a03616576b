package dev.tend.notification.rest;

import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import dev.tend.notification.template.TemplateEditor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Path("/templates")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class TemplateResource {

    private final TemplateEditor editor;

    public TemplateResource(TemplateEditor editor) {
        this.editor = editor;
    }

    /** Every template: the built-in ones and those stored over REST. */
    @GET
    public List<TemplateView> list() {
        return editor.list().stream().map(TemplateView::of).toList();
    }

    /** The template a message for this channel, key and locale would use. */
    @GET
    @Path("/{channel}/{templateKey}")
    public TemplateView get(@RestPath String channel, @RestPath String templateKey, @QueryParam("locale") String locale) {
        return TemplateView.of(editor.resolve(channel, templateKey, locale));
    }

    /** Stores a template after rendering it with sample data: a variable that does not exist is rejected (422). */
    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{channel}/{templateKey}/{locale}")
    public Response save(@RestPath String channel, @RestPath String templateKey, @RestPath String locale,
                         TemplateContent content, UriInfo uri) {
        TemplateEditor.Saved saved = editor.save(channel, templateKey, locale,
                content == null ? null : content.subject(), content == null ? null : content.text(),
                content == null ? null : content.html());
        TemplateView view = TemplateView.of(saved.source());
        return saved.created()
                ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    /** Removes a stored template; the built-in one, if any, applies again. */
    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{channel}/{templateKey}/{locale}")
    public Response delete(@RestPath String channel, @RestPath String templateKey, @RestPath String locale) {
        editor.delete(channel, templateKey, locale);
        return Response.noContent().build();
    }

    @POST
    @Path("/preview")
    public TemplatePreview preview(TemplatePreviewRequest request) {
        if (request == null) {
            throw ProblemException.invalid("channel", "a body with the channel to preview is required");
        }
        TemplateEditor.Preview preview = editor.preview(request.channel(), request.templateKey(), request.locale(),
                request.subject(), request.text(), request.html(), request.data());
        return new TemplatePreview(preview.message().subject(), preview.message().text(), preview.message().html(),
                preview.segments(), preview.data());
    }
}
