package dev.tend.notification.rest;

import dev.tend.notification.NotificationConfig;
import dev.tend.notification.email.EmailReplies;
import dev.tend.notification.email.Hmac;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Replies handed over by a mail provider's inbound route instead of the IMAP mailbox: the raw RFC 5322 message as
 * the body ({@code Content-Type: message/rfc822}), signed with {@code X-Tend-Signature: sha256=<hex HMAC-SHA256 of
 * the body>} under {@code replies.webhook-signing-key}. The signature is the credential; a provider retry is
 * harmless (the Message-ID is stored once).
 */
@PermitAll
@Path("/webhooks/email/inbound")
public class InboundMailWebhookResource {

    public static final String SIGNATURE_HEADER = "X-Tend-Signature";

    private final EmailReplies replies;
    private final NotificationConfig config;

    public InboundMailWebhookResource(EmailReplies replies, NotificationConfig config) {
        this.replies = replies;
        this.config = config;
    }

    @POST
    @Consumes({"message/rfc822", "application/octet-stream"})
    public Response receive(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] raw) {
        if (!isSigned(raw, signature)) {
            throw new ProblemException(403, "Forbidden", "The message is not signed by the inbound-mail sender", SIGNATURE_HEADER);
        }
        try {
            replies.receive(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", "the body is not an RFC 5322 message");
        }
        return Response.noContent().build();
    }

    private boolean isSigned(byte[] raw, String signature) {
        if (config.replies().webhookSigningKey().isEmpty() || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()).strip());
            return MessageDigest.isEqual(Hmac.sha256(config.replies().webhookSigningKey().get(), raw), given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The header value a sender puts on {@code raw}: for the sender's side, and for tests. */
    public static String sign(String key, byte[] raw) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(key, raw));
    }
}
