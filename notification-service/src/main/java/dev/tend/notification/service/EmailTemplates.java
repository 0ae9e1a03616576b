package dev.tend.notification.service;

import dev.tend.platform.rest.ProblemException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Renders an email's subject, text and HTML from the templates under {@code templates/email/}. */
@ApplicationScoped
public class EmailTemplates {

    public record RenderedEmail(String subject, String text, String html) {
    }

    private final Engine engine;

    public EmailTemplates(Engine engine) {
        this.engine = engine;
    }

    public RenderedEmail render(String templateKey, Map<String, String> data) {
        return new RenderedEmail(
                render(templateKey, "subject", data).strip(),
                render(templateKey, "txt", data),
                render(templateKey, "html", data));
    }

    private String render(String templateKey, String part, Map<String, String> data) {
        Template template = engine.getTemplate("email/" + templateKey + "." + part);
        if (template == null) {
            throw ProblemException.unprocessable("templateKey", "no email template '" + templateKey + "' (" + part + ")");
        }
        return template.data(data).render();
    }
}
