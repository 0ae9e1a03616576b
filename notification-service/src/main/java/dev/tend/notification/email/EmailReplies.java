package dev.tend.notification.email;

import dev.tend.contracts.Channel;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.notification.InboundMessage;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.consent.Suppressions;
import dev.tend.notification.inbound.InboundMessages;
import dev.tend.notification.service.StatusEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What comes back to the reply mailbox (or the inbound-mail webhook), read and acted on: the copy of an email we sent
 * is recorded as proof it went out ({@link SentCopies}); a reply is stored and
 * published with the quoted history stripped; an auto-reply is stored and not published; a delivery status
 * notification saying an address is dead fails the email it reports on (so followup-service falls back to another
 * channel) and suppresses the address.
 */
@ApplicationScoped
public class EmailReplies {

    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<([0-9a-fA-F-]{36})@tend>");

    private final InboundMessages messages;
    private final ReplyAddresses replyAddresses;
    private final StatusEvents statusEvents;
    private final Suppressions suppressions;
    private final NotificationConfig config;
    private final Clock clock;
    private final SentCopies sentCopies;

    public EmailReplies(InboundMessages messages, ReplyAddresses replyAddresses, StatusEvents statusEvents,
                        Suppressions suppressions, NotificationConfig config, Clock clock, SentCopies sentCopies) {
        this.sentCopies = sentCopies;
        this.messages = messages;
        this.replyAddresses = replyAddresses;
        this.statusEvents = statusEvents;
        this.suppressions = suppressions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @return the stored message, or empty when this Message-ID was received before
     * @throws IllegalArgumentException when the bytes are not a mail at all
     */
    @Transactional
    public Optional<InboundMessage> receive(byte[] raw) {
        InboundMail mail = InboundMail.parse(raw);
        Optional<UUID> copyOf = sentCopies.copyOf(mail);
        if (copyOf.isPresent()) {
            // Our own email come back (its Bcc copy): proof it was sent, never a reply to show anyone.
            sentCopies.record(copyOf.get(), mail);
            return Optional.empty();
        }
        if (mail.bounce().isPresent()) {
            return bounce(mail, mail.bounce().get());
        }
        UUID named = mail.recipients().stream()
                .map(replyAddresses::notificationOf).flatMap(Optional::stream).findFirst().orElse(null);
        List<InboundMessages.NewAttachment> kept = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (InboundMail.File file : mail.files()) {
            String name = file.fileName() == null ? "an unnamed " + file.contentType() + " file" : file.fileName();
            if (file.content().length > config.inbound().maxAttachmentBytes()) {
                refused.add(name + " (over " + config.inbound().maxAttachmentBytes() + " bytes)");
            } else if (!config.inbound().attachmentTypes().contains(file.contentType())) {
                refused.add(name + " (" + file.contentType() + " is not accepted)");
            } else if (!looksLike(file.contentType(), file.content())) {
                refused.add(name + " (its content is not " + file.contentType() + ")");
            } else {
                kept.add(new InboundMessages.NewAttachment(file.fileName(), file.contentType(), file.content().length,
                        file.content(), null));
            }
        }
        InboundMessages.Incoming incoming = InboundMessages.Incoming.reply(Channel.EMAIL, mail.messageId(), mail.from(),
                recipient(mail), mail.subject(), QuotedText.strip(mail.text()), kept, named);
        if (!refused.isEmpty()) {
            incoming = incoming.noted("attachments not kept: " + String.join(", ", refused));
        }
        if (mail.autoReply().isPresent()) {
            incoming = incoming.unpublished(InboundMessage.Status.AUTO_REPLY, "an automatic reply (" + mail.autoReply().get() + ")");
        }
        return messages.receive(incoming);
    }

    private Optional<InboundMessage> bounce(InboundMail mail, InboundMail.Bounce bounce) {
        Optional<Notification> original = Optional.ofNullable(bounce.originalMessageId())
                .map(OUR_MESSAGE_ID::matcher).filter(Matcher::find)
                .map(m -> Notification.<Notification>findById(UUID.fromString(m.group(1))));
        String what = "delivery " + Optional.ofNullable(bounce.action()).orElse("reported") + " ("
                + Optional.ofNullable(bounce.status()).orElse("no status")
                + (bounce.diagnostic() == null ? "" : ": " + bounce.diagnostic()) + ")";
        Optional<InboundMessage> stored = messages.receive(InboundMessages.Incoming.reply(Channel.EMAIL, mail.messageId(),
                        mail.from(), recipient(mail), mail.subject(), "", List.of(), original.map(n -> n.id).orElse(null))
                .unpublished(InboundMessage.Status.BOUNCE, what));
        if (stored.isEmpty() || !bounce.permanent()) {
            return stored;
        }
        String address = bounce.recipient() != null ? bounce.recipient().strip().toLowerCase(Locale.ROOT)
                : original.map(n -> n.recipient).orElse(null);
        if (address != null) {
            suppressions.suppress(Channel.EMAIL, address, Suppressions.HARD_BOUNCE + " (" + bounce.status() + ")", clock.instant());
        }
        original.filter(n -> Channel.EMAIL.name().equals(n.channel))
                .filter(n -> DeliveryStatus.SENT.name().equals(n.status) || DeliveryStatus.DELIVERED.name().equals(n.status)
                        || Notification.SENDING.equals(n.status))
                .ifPresent(n -> statusEvents.fail(n, "the email bounced: " + what));
        return stored;
    }

    private static String recipient(InboundMail mail) {
        return mail.recipients().isEmpty() ? null : mail.recipients().get(0);
    }

    /** A file's first bytes agree with the type it claims (a ".jpg" that is really a program is refused). */
    static boolean looksLike(String type, byte[] content) {
        return switch (type) {
            case "image/jpeg" -> startsWith(content, 0xFF, 0xD8, 0xFF);
            case "image/png" -> startsWith(content, 0x89, 'P', 'N', 'G');
            case "image/gif" -> startsWith(content, 'G', 'I', 'F', '8');
            case "application/pdf" -> startsWith(content, '%', 'P', 'D', 'F');
            case "image/heic" -> content.length > 8 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p';
            default -> true;
        };
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
