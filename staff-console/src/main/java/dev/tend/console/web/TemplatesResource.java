package dev.tend.console.web;

import dev.tend.console.clients.MessagesClient;
import dev.tend.console.clients.ServiceProblem;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates (admin): notification-service's templates, each previewed with its sample data per locale
 * ({@code POST /templates/preview}): the subject, the text, and for email the HTML in a sandboxed frame.
 */
@Path("/templates")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class TemplatesResource {

    private final MessagesClient messages;

    public TemplatesResource(@RestClient MessagesClient messages) {
        this.messages = messages;
    }

    @GET
    public TemplateInstance list() {
        try {
            return Pages.templates(rows(messages.templates()), null);
        } catch (ServiceProblem problem) {
            return Pages.templates(List.of(), problem.getMessage());
        }
    }

    @GET
    @Path("/{channel}/{templateKey}")
    public TemplateInstance preview(@RestPath String channel, @RestPath String templateKey, @RestQuery String locale) {
        String chosen = locale != null && TemplatesView.LOCALES.contains(locale) ? locale : TemplatesView.LOCALES.get(0);
        try {
            MessagesClient.Preview preview = messages.preview(new MessagesClient.PreviewRequest(channel, templateKey, chosen));
            return Pages.template(new TemplatesView.PreviewView(channel, templateKey, chosen, preview, null));
        } catch (ServiceProblem problem) {
            return Pages.template(new TemplatesView.PreviewView(channel, templateKey, chosen, null, problem.getMessage()));
        }
    }

    /** One row per template key and channel, by key then channel, with the locales it is written in. */
    static List<TemplatesView.Row> rows(List<MessagesClient.Template> templates) {
        Map<String, List<MessagesClient.Template>> byKey = new LinkedHashMap<>();
        templates.stream()
                .sorted(Comparator.comparing(MessagesClient.Template::templateKey).thenComparing(MessagesClient.Template::channel))
                .forEach(t -> byKey.computeIfAbsent(t.templateKey() + "\u0000" + t.channel(), k -> new ArrayList<>()).add(t));
        return byKey.values().stream().map(group -> new TemplatesView.Row(group.get(0).channel(), group.get(0).templateKey(),
                group.stream().map(MessagesClient.Template::locale).distinct().sorted().toList(),
                group.stream().anyMatch(t -> "stored".equals(t.source())))).toList();
    }
}
