package dev.tend.console.web;

import dev.tend.console.clients.MessagesClient.Template;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateRowsTest {

    @Test
    void shouldListEachTemplateOncePerChannelWithTheLanguagesItIsWrittenIn() {
        List<TemplatesView.Row> rows = TemplatesResource.rows(List.of(
                template("SMS", "recheck-reminder", "pt", "built-in"),
                template("EMAIL", "visit-thank-you", "default", "built-in"),
                template("EMAIL", "recheck-reminder", "default", "built-in"),
                template("SMS", "recheck-reminder", "default", "built-in"),
                template("EMAIL", "visit-thank-you", "es", "stored"),
                template("EMAIL", "visit-thank-you", "pt", "built-in")));

        assertEquals(List.of("EMAIL recheck-reminder [default] false", "SMS recheck-reminder [default, pt] false",
                        "EMAIL visit-thank-you [default, es, pt] true"),
                rows.stream().map(r -> r.channel() + " " + r.templateKey() + " " + r.writtenIn() + " " + r.stored()).toList());
    }

    @Test
    void shouldOfferEveryTemplateInEnglishPortugueseAndSpanish() {
        TemplatesView.Row row = TemplatesResource.rows(List.of(template("SMS", "feedback-request", "default", "built-in"))).get(0);
        assertEquals(List.of("en", "pt", "es"), row.locales());
    }

    private static Template template(String channel, String key, String locale, String source) {
        return new Template(channel, key, locale, null, "text", null, source, 1);
    }
}
