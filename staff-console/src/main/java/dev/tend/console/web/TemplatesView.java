package dev.tend.console.web;

import dev.tend.console.clients.MessagesClient;

import java.util.List;

/** The Templates page's rows, and one template's preview in one locale. */
public final class TemplatesView {

    /** Every template is previewed in the clinic's three languages. */
    public static final List<String> LOCALES = List.of("en", "pt", "es");

    private TemplatesView() {
    }

    /** A template key on one channel, the locales it is written in and whether any was edited over REST. */
    public record Row(String channel, String templateKey, List<String> writtenIn, boolean stored) {
        public List<String> locales() {
            return LOCALES;
        }
    }

    /** The rendered subject and body (and for email, the HTML, shown in a sandboxed frame) of one template. */
    public record PreviewView(String channel, String templateKey, String locale, MessagesClient.Preview preview,
                              String problem) {
        public List<String> locales() {
            return LOCALES;
        }

        public String localeName(String code) {
            return switch (code) {
                case "en" -> "English";
                case "pt" -> "Portuguese";
                case "es" -> "Spanish";
                default -> code;
            };
        }
    }
}
