package dev.tend.notification.inbound;

import dev.tend.contracts.Channel;
import dev.tend.notification.InboundMessage;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.consent.ConsentReadModel;
import dev.tend.notification.email.UnsubscribeTokens;
import dev.tend.notification.service.SendPolicy;
import dev.tend.notification.sms.SmsSegments;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.observability.TraceContext;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A one-off message written by staff, usually an answer to what the customer wrote. It becomes a notification like
 * any other ({@code staff-message}), so it is sent by the same dispatcher: at most once, with retries, and checked
 * against consent and the suppression list when it is sent. A message that could not be sent now (the number said
 * STOP) is refused at once, with the reason, rather than accepted and suppressed later.
 */
@ApplicationScoped
public class StaffAnswers {

    public static final String TEMPLATE_KEY = "staff-message";
    private static final int MAX_BODY = 5000;

    /** What staff asked to send; {@code channel} defaults to the one the customer last wrote on. */
    public record Request(String channel, String body, UUID inReplyToMessageId) {
    }

    private final ConsentReadModel households;
    private final SendPolicy policy;
    private final UnsubscribeTokens unsubscribeTokens;
    private final NotificationConfig config;
    private final Clock clock;
    private final AuditTrail audit;

    public StaffAnswers(ConsentReadModel households, SendPolicy policy, UnsubscribeTokens unsubscribeTokens,
                        NotificationConfig config, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.households = households;
        this.policy = policy;
        this.unsubscribeTokens = unsubscribeTokens;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Notification send(UUID customerId, Request request) {
        if (request.body() == null || request.body().isBlank()) {
            throw ProblemException.invalid("body", "body is required");
        }
        if (request.body().length() > MAX_BODY) {
            throw ProblemException.invalid("body", "body must be at most " + MAX_BODY + " characters");
        }
        if (!households.isKnown(customerId)) {
            throw ProblemException.notFound("Customer", customerId);
        }
        Optional<InboundMessage> answered = answered(customerId, request.inReplyToMessageId());
        Channel channel = channel(request.channel(), answered);
        String recipient = answered.filter(m -> m.channel.equals(channel.name()) && m.fromAddress != null)
                .map(m -> m.fromAddress)
                .or(() -> (channel == Channel.SMS ? households.phones(customerId) : households.emails(customerId)).stream().findFirst())
                .orElseThrow(() -> ProblemException.unprocessable("channel", "customer " + customerId + " has no "
                        + (channel == Channel.SMS ? "phone number" : "email address") + " on record"));

        Instant now = clock.instant();
        Notification notification = new Notification();
        notification.trace(TraceContext.current());
        notification.id = UUID.randomUUID();
        notification.customerId = customerId;
        notification.channel = channel.name();
        notification.templateKey = TEMPLATE_KEY;
        notification.recipient = recipient;
        notification.recipientName = households.name(customerId).orElse(null);
        notification.inReplyToMessageId = answered.map(m -> m.id).orElse(null);
        notification.correlationId = "staff-message-" + notification.id;
        notification.createdAt = now;
        notification.nextAttemptAt = now;
        notification.status = Notification.PENDING;
        String body = request.body().strip();
        if (channel == Channel.SMS) {
            notification.bodyText = body;
            notification.segments = SmsSegments.of(body);
        } else {
            notification.subject = answered.map(m -> m.subject).filter(s -> s != null && !s.isBlank())
                    .map(s -> s.regionMatches(true, 0, "Re:", 0, 3) ? s : "Re: " + s)
                    .orElse("A message from " + config.clinic().name());
            String link = unsubscribeTokens.link(customerId, recipient);
            notification.bodyText = body + "\n\n--\n" + config.clinic().name() + "\nTo stop these emails: " + link + "\n";
            notification.bodyHtml = "<p>" + escape(body).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>\n"
                    + "<p>" + escape(config.clinic().name()) + "</p>\n"
                    + "<p style=\"font-size:small;color:#666\"><a href=\"" + escape(link) + "\">Unsubscribe</a></p>\n";
        }
        SendPolicy.Verdict verdict = policy.check(notification, now);
        if (verdict.suppressReason().isPresent()) {
            throw ProblemException.conflict("this " + channel.name().toLowerCase(Locale.ROOT)
                    + " message would not be sent: " + verdict.suppressReason().get());
        }
        notification.persist();
        // The message's text is the household's business, not the audit's: the notification's id leads to it while it exists.
        audit.record(AuditAction.MESSAGE_SENT, customerId, Map.of("notificationId", notification.id, "channel", channel.name(),
                "inReplyToMessageId", notification.inReplyToMessageId == null ? "" : notification.inReplyToMessageId.toString()));
        return notification;
    }

    private static Optional<InboundMessage> answered(UUID customerId, UUID inReplyToMessageId) {
        if (inReplyToMessageId != null) {
            InboundMessage message = InboundMessage.findById(inReplyToMessageId);
            if (message == null || !message.customerIds().contains(customerId)) {
                throw ProblemException.unprocessable("inReplyToMessageId",
                        "message " + inReplyToMessageId + " is not one this customer wrote");
            }
            return Optional.of(message);
        }
        List<?> latest = InboundMessage.getEntityManager().createNativeQuery("""
                        SELECT m.id FROM inbound_message m JOIN inbound_message_customer c ON c.message_id = m.id
                        WHERE c.customer_id = :id AND m.kind = 'REPLY' AND m.status = 'MATCHED'
                        ORDER BY m.received_at DESC LIMIT 1""", UUID.class)
                .setParameter("id", customerId).getResultList();
        return latest.stream().findFirst().map(id -> InboundMessage.findById(id));
    }

    private static Channel channel(String requested, Optional<InboundMessage> answered) {
        if (requested == null) {
            return answered.map(m -> Channel.valueOf(m.channel)).orElseThrow(() -> ProblemException.invalid("channel",
                    "channel is required: the customer has not written to us"));
        }
        try {
            Channel channel = Channel.valueOf(requested.strip().toUpperCase(Locale.ROOT));
            if (channel == Channel.EMAIL || channel == Channel.SMS) {
                return channel;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalid("channel", "channel must be EMAIL or SMS");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
