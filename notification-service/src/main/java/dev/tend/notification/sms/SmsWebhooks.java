package dev.tend.notification.sms;

import dev.tend.contracts.Channel;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.notification.Notification;
import dev.tend.notification.consent.OptOuts;
import dev.tend.notification.consent.Suppressions;
import dev.tend.notification.inbound.InboundMessages;
import dev.tend.notification.service.StatusEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the SMS provider tells us: delivery reports for what we sent, and what customers texted back. */
@ApplicationScoped
public class SmsWebhooks {

    /** Carrier errors that say the number cannot take texts at all (unknown, landline). */
    private static final Set<Integer> DEAD_NUMBER = Set.of(30005, 30006);

    private final StatusEvents statusEvents;
    private final Suppressions suppressions;
    private final OptOuts optOuts;
    private final SmsReplies replies;
    private final InboundMessages inboundMessages;
    private final Clock clock;

    public SmsWebhooks(StatusEvents statusEvents, Suppressions suppressions, OptOuts optOuts, SmsReplies replies,
                       InboundMessages inboundMessages, Clock clock) {
        this.statusEvents = statusEvents;
        this.suppressions = suppressions;
        this.optOuts = optOuts;
        this.replies = replies;
        this.inboundMessages = inboundMessages;
        this.clock = clock;
    }

    /** Applies a status callback; reports for messages we do not know, or older than what we know, change nothing. */
    @Transactional
    public void statusReport(String messageSid, String messageStatus, String errorCode) {
        if (messageSid == null || messageStatus == null) {
            return;
        }
        Optional<Notification> found = Notification.<Notification>find("providerMessageId", messageSid).firstResultOptional();
        if (found.isEmpty()) {
            return;
        }
        Notification notification = found.get();
        boolean reportable = DeliveryStatus.SENT.name().equals(notification.status) || Notification.SENDING.equals(notification.status);
        switch (messageStatus.toLowerCase(Locale.ROOT)) {
            case "delivered" -> {
                if (reportable) {
                    statusEvents.change(notification, DeliveryStatus.DELIVERED, null, false);
                }
            }
            case "undelivered", "failed" -> {
                if (!reportable) {
                    return;
                }
                int code = parse(errorCode);
                if (DEAD_NUMBER.contains(code)) {
                    suppressions.suppress(Channel.SMS, notification.recipient,
                            Suppressions.HARD_BOUNCE + " (carrier error " + code + ")", clock.instant());
                }
                statusEvents.fail(notification, "the carrier reported the SMS " + messageStatus.toLowerCase(Locale.ROOT)
                        + (code == 0 ? "" : " (error " + code + ")"));
            }
            default -> {
                // queued, sending, sent: nothing new for followup-service
            }
        }
    }

    /**
     * A text from a customer: a keyword ({@link SmsKeywords}: the whole text is STOP, START or HELP, in English,
     * Portuguese or Spanish) acts at once; anything else is stored and, when its number is known, published for
     * staff to read.
     *
     * @return the reply to text back, if any
     */
    public Optional<String> inbound(Map<String, String> form) {
        String from = form.get("From");
        String body = form.get("Body");
        if (from == null || (body == null && form.get("NumMedia") == null)) {
            return Optional.empty();
        }
        body = body == null ? "" : body;
        Optional<SmsKeywords.Keyword> keyword = SmsKeywords.of(body);
        if (keyword.isPresent()) {
            return switch (keyword.get()) {
                case STOP -> {
                    optOuts.smsStop(from.strip());
                    yield Optional.empty();
                }
                case START -> {
                    optOuts.smsStart(from.strip());
                    yield Optional.of(replies.started(from.strip()));
                }
                case HELP -> Optional.of(replies.help(from.strip()));
            };
        }
        String sid = Optional.ofNullable(form.get("MessageSid")).orElse(form.get("SmsSid"));
        if (sid == null) {
            return Optional.empty();
        }
        inboundMessages.receive(InboundMessages.Incoming.reply(Channel.SMS, sid, from.strip(), form.get("To"), null,
                body.strip(), media(form), null));
        return Optional.empty();
    }

    /** MMS pictures stay at the provider: their URLs are kept as links. */
    private static List<InboundMessages.NewAttachment> media(Map<String, String> form) {
        int count = parse(form.get("NumMedia"));
        List<InboundMessages.NewAttachment> media = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 10); i++) {
            String url = form.get("MediaUrl" + i);
            if (url != null && !url.isBlank()) {
                String type = Optional.ofNullable(form.get("MediaContentType" + i)).orElse("application/octet-stream");
                media.add(new InboundMessages.NewAttachment(url.replaceAll(".*/", ""), type, 0, null, url));
            }
        }
        return media;
    }

    private static int parse(String code) {
        try {
            return code == null || code.isBlank() ? 0 : Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
