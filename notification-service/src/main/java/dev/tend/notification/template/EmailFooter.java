package dev.tend.notification.template;

import java.util.Locale;
import java.util.Map;

/** The unsubscribe footer every email ends with, in the email's own language, in its text and HTML parts. */
public final class EmailFooter {

    private EmailFooter() {
    }

    public static RenderedMessage add(RenderedMessage message, Locale language, String link) {
        String text = message.text().stripTrailing() + "\n\n--\n"
                + FixedWords.get(language, FixedWords.EMAIL_FOOTER_TEXT, Map.of("link", link)) + "\n";
        String html = (message.html() == null ? "<pre>" + escape(message.text()) + "</pre>" : message.html())
                + "\n<p style=\"font-size:small;color:#666\"><a href=\"" + escape(link) + "\">"
                + escape(FixedWords.get(language, FixedWords.EMAIL_FOOTER_LINK, Map.of())) + "</a></p>\n";
        return new RenderedMessage(message.subject(), text, html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
