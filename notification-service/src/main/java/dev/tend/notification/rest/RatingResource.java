package dev.tend.notification.rest;

import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.inbound.InboundMessages;
import dev.tend.notification.inbound.RatingLinks;
import dev.tend.notification.inbound.RatingPageWords;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Clock;
import java.util.Properties;

/**
 * The one-click rating links of feedback-request emails. A GET, which mail scanners and previews make too, only
 * shows the rating with an optional comment field and a button, and records nothing; the POST records the rating
 * once. The signed token is the credential; the page needs no JavaScript and escapes everything it shows.
 */
@PermitAll
@Path("/rate/{token}")
@Produces(MediaType.TEXT_HTML)
public class RatingResource {

    private static final int MAX_COMMENT = 2000;

    private final RatingLinks links;
    private final InboundMessages messages;
    private final NotificationConfig config;
    private final Clock clock;

    public RatingResource(RatingLinks links, InboundMessages messages, NotificationConfig config, Clock clock) {
        this.links = links;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public Response confirm(@RestPath String token) {
        RatingLinks.Rating rating = verify(token);
        Notification notification = notification(rating);
        Properties words = RatingPageWords.of(notification.locale);
        if (clock.instant().isAfter(rating.expiresAt())) {
            return page(410, notification, words, "<p>" + escape(words.getProperty("expired")) + "</p>");
        }
        return page(200, notification, words,
                "<p>" + escape(say(words, "question", rating.rating())) + "</p>"
                        + "<form method=\"post\">"
                        + "<p><label for=\"comment\">" + escape(words.getProperty("comment")) + "</label><br>"
                        + "<textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"50\" maxlength=\"" + MAX_COMMENT + "\"></textarea></p>"
                        + "<p><button type=\"submit\">" + escape(words.getProperty("submit")) + "</button></p>"
                        + "</form>");
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response record(@RestPath String token, @FormParam("comment") String comment) {
        RatingLinks.Rating rating = verify(token);
        Notification notification = notification(rating);
        Properties words = RatingPageWords.of(notification.locale);
        if (clock.instant().isAfter(rating.expiresAt())) {
            return page(410, notification, words, "<p>" + escape(words.getProperty("expired")) + "</p>");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ProblemException.invalid("comment", "the comment must be at most " + MAX_COMMENT + " characters");
        }
        InboundMessages.RatingOutcome outcome = messages.rate(notification, rating.rating(), comment);
        return page(200, notification, words,
                "<p>" + escape(say(words, outcome.recorded() ? "thanks" : "already", outcome.rating())) + "</p>");
    }

    private RatingLinks.Rating verify(String token) {
        return links.verify(token).orElseThrow(() ->
                new ProblemException(403, "Forbidden", "This rating link is not valid", "token"));
    }

    private static Notification notification(RatingLinks.Rating rating) {
        Notification notification = Notification.findById(rating.notificationId());
        if (notification == null) {
            throw ProblemException.notFound("Notification", rating.notificationId());
        }
        return notification;
    }

    private String say(Properties words, String key, int rating) {
        return words.getProperty(key).replace("{clinic}", config.clinic().name()).replace("{rating}", String.valueOf(rating));
    }

    private static Response page(int status, Notification notification, Properties words, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + RatingPageWords.language(notification.locale) + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(words.getProperty("title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/pages.css\"></head><body>"
                + "<h1>" + escape(words.getProperty("title")) + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
