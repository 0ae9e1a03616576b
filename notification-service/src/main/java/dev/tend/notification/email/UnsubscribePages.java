package dev.tend.notification.email;

import dev.tend.contracts.Channel;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.template.FixedWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Locale;
import java.util.Map;

/**
 * The pages behind the unsubscribe link, in the language of the last email sent to that address (English when
 * none is on record any more, after erasure).
 */
@ApplicationScoped
public class UnsubscribePages {

    private final NotificationConfig config;

    public UnsubscribePages(NotificationConfig config) {
        this.config = config;
    }

    @Transactional
    public String confirm(UnsubscribeTokens.Subject subject) {
        Locale language = language(subject);
        return page(language, "<p>" + escape(words(language, "unsubscribe.question", subject)) + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + escape(words(language, "unsubscribe.button", subject))
                + "</button></form>");
    }

    @Transactional
    public String done(UnsubscribeTokens.Subject subject) {
        Locale language = language(subject);
        return page(language, "<p>" + escape(words(language, "unsubscribe.done", subject)) + "</p>");
    }

    private String words(Locale language, String key, UnsubscribeTokens.Subject subject) {
        return FixedWords.get(language, key, Map.of("clinic", config.clinic().name(), "address", subject.address()));
    }

    private static Locale language(UnsubscribeTokens.Subject subject) {
        Notification last = Notification.<Notification>find(
                "customerId = ?1 and channel = ?2 and recipient = ?3 and locale is not null order by createdAt desc",
                subject.customerId(), Channel.EMAIL.name(), subject.address()).firstResult();
        return last == null ? Locale.ENGLISH : Locale.forLanguageTag(last.locale);
    }

    private static String page(Locale language, String body) {
        return "<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>"
                + escape(FixedWords.get(language, "unsubscribe.title", Map.of()))
                + "</title><link rel=\"stylesheet\" href=\"/pages.css\"></head><body>" + body
                + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
