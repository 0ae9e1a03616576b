package dev.tend.notification.rest;

import dev.tend.notification.template.TemplateCatalog;

/** {@code source} is {@code built-in} (shipped with the service) or {@code stored} (edited over REST). */
public record TemplateView(String channel, String templateKey, String locale, String subject, String text, String html,
                           String source, long version) {

    static TemplateView of(TemplateCatalog.Source source) {
        return new TemplateView(source.channel().name(), source.templateKey(), source.locale(), source.subject(),
                source.text(), source.html(), source.stored() ? "stored" : "built-in", source.version());
    }
}
