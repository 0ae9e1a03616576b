package dev.tend.notification.rest;

import dev.tend.notification.sms.SmsWebhooks;
import dev.tend.notification.sms.TwilioSignatures;
import dev.tend.notification.sms.TwilioSmsSender;
import dev.tend.platform.rest.Problem;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhooks called by the SMS provider. Each request must carry a valid {@code X-Twilio-Signature}; anything else is
 * refused (403) before it changes anything: the signature, not a bearer token, is the credential. Answers are TwiML.
 */
@PermitAll
@Path("/webhooks/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_XML)
public class TwilioWebhookResource {

    public static final String INBOUND_PATH = "/webhooks/twilio/inbound";
    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioSignatures signatures;
    private final SmsWebhooks webhooks;

    public TwilioWebhookResource(TwilioSignatures signatures, SmsWebhooks webhooks) {
        this.signatures = signatures;
        this.webhooks = webhooks;
    }

    /** Delivery reports for the messages we sent (the StatusCallback of each). */
    @POST
    @Path("/status")
    public String status(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form,
                         UriInfo uri) {
        verify(TwilioSmsSender.STATUS_CALLBACK_PATH, uri, form, signature);
        webhooks.statusReport(form.getFirst("MessageSid"), form.getFirst("MessageStatus"), form.getFirst("ErrorCode"));
        return EMPTY;
    }

    /** Messages customers text to our number: STOP, START, HELP, and every other reply, which is stored. */
    @POST
    @Path("/inbound")
    public String inbound(@HeaderParam("X-Twilio-Signature") String signature, MultivaluedMap<String, String> form,
                          UriInfo uri) {
        verify(INBOUND_PATH, uri, form, signature);
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        Optional<String> reply = webhooks.inbound(fields);
        return reply.map(text -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escape(text)
                + "</Message></Response>").orElse(EMPTY);
    }

    private void verify(String path, UriInfo uri, MultivaluedMap<String, String> form, String signature) {
        String query = uri.getRequestUri().getRawQuery();
        String url = signatures.urlFor(path) + (query == null ? "" : "?" + query);
        if (!signatures.isValid(url, form, signature)) {
            throw new ProblemException(403, "Forbidden", "The request is not signed by the SMS provider", "X-Twilio-Signature");
        }
    }

    /** A form body that is not URL-encoded fails while it is read, before any signature could be checked. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Invalid request", 400,
                "The form body is not valid application/x-www-form-urlencoded", null, "body", List.of())).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
