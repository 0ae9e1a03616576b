package dev.tend.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.Recipient;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.email.UnsubscribeTokens;
import dev.tend.notification.inbound.RatingLinks;
import dev.tend.notification.sms.PhoneNumbers;
import dev.tend.notification.sms.SmsSegments;
import dev.tend.notification.template.EmailFooter;
import dev.tend.notification.template.MessageData;
import dev.tend.notification.template.MissingVariableException;
import dev.tend.notification.template.RenderedMessage;
import dev.tend.notification.template.TemplateCatalog;
import dev.tend.notification.template.TemplateVariables;
import dev.tend.platform.observability.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts a request to send: renders it and records it as pending, in the consumer's transaction. Sending
 * happens later, on the dispatcher's own thread, so a slow or absent provider never stalls the topic. A request
 * that can never be sent (no address, a template variable missing) is recorded as failed, with the reason, and
 * reported at once so followup-service can fall back to another channel.
 */
@ApplicationScoped
public class NotificationIntake {

    private final TemplateCatalog templates;
    private final UnsubscribeTokens unsubscribeTokens;
    private final RatingLinks ratingLinks;
    private final StatusEvents statusEvents;
    private final NotificationConfig config;
    private final Clock clock;

    public NotificationIntake(TemplateCatalog templates, UnsubscribeTokens unsubscribeTokens, RatingLinks ratingLinks,
                              StatusEvents statusEvents, NotificationConfig config, Clock clock) {
        this.templates = templates;
        this.ratingLinks = ratingLinks;
        this.unsubscribeTokens = unsubscribeTokens;
        this.statusEvents = statusEvents;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(EventEnvelope envelope, NotificationRequested request) {
        if (Notification.findById(request.notificationId()) != null) {
            return;
        }
        Recipient recipient = request.recipient() == null
                ? new Recipient(null, null, null, null, null, null)
                : request.recipient();
        Map<String, String> personalisation = request.personalisation() == null ? Map.of() : request.personalisation();
        Notification notification = new Notification();
        notification.trace(TraceContext.current());
        notification.id = request.notificationId();
        notification.taskId = request.taskId();
        notification.customerId = request.customerId();
        notification.channel = request.channel().name();
        notification.templateKey = request.templateKey();
        notification.locale = recipient.locale();
        notification.recipientName = recipient.name();
        notification.correlationId = envelope.correlationId();
        notification.createdAt = clock.instant();
        notification.status = Notification.PENDING;
        notification.nextAttemptAt = notification.createdAt;

        MessageData data = new MessageData(personalisation, request.pets(), recipient.locale(), recipient.timezone(),
                recipientCountry(recipient));
        Optional<String> problem = address(notification, request.channel(), recipient, data);
        if (problem.isEmpty()) {
            problem = render(notification, request.channel(), data);
        }
        notification.persist();
        problem.ifPresent(reason -> statusEvents.fail(notification, reason));
    }

    private Optional<String> address(Notification notification, Channel channel, Recipient recipient, MessageData data) {
        switch (channel) {
            case EMAIL -> {
                if (recipient.email() == null || !recipient.email().contains("@")) {
                    return Optional.of("no email address for this customer");
                }
                notification.recipient = recipient.email().strip();
            }
            case SMS -> {
                Optional<String> phone = PhoneNumbers.toE164(recipient.phone(), recipient.locale(), config.sms().defaultRegion());
                if (phone.isEmpty()) {
                    notification.recipient = recipient.phone();
                    return Optional.of(recipient.phone() == null
                            ? "no phone number for this customer"
                            : "'" + recipient.phone() + "' is not a valid phone number");
                }
                notification.recipient = phone.get();
            }
            case POST -> {
                notification.recipient = recipient.name();
                notification.postalAddress = write(recipient.postalAddress());
                notification.photoUrl = data.firstPhotoUrl();
                List<String> missing = missingAddressParts(recipient);
                if (!missing.isEmpty()) {
                    return Optional.of("incomplete postal address, not printed: missing " + String.join(", ", missing));
                }
            }
            default -> {
                return Optional.of(channel + " messages are not sent by notification-service");
            }
        }
        return Optional.empty();
    }

    private Optional<String> render(Notification notification, Channel channel, MessageData data) {
        if (channel == Channel.EMAIL) {
            data = withRatingLinks(notification, data);
        }
        Optional<TemplateCatalog.Source> source = templates.resolve(channel, notification.templateKey, notification.locale);
        if (source.isEmpty()) {
            return Optional.of("no " + channel + " template '" + notification.templateKey + "'");
        }
        RenderedMessage message;
        try {
            message = templates.render(source.get(), data);
        } catch (MissingVariableException | IllegalArgumentException e) {
            return Optional.of("template " + channel + "/" + notification.templateKey + ": " + e.getMessage());
        }
        notification.subject = message.subject();
        notification.bodyText = message.text();
        notification.bodyHtml = message.html();
        Locale language = TemplateCatalog.formattingLocale(source.get().locale(), notification.locale);
        if (channel == Channel.EMAIL) {
            RenderedMessage withFooter = EmailFooter.add(message, language,
                    unsubscribeTokens.link(notification.customerId, notification.recipient));
            notification.bodyText = withFooter.text();
            notification.bodyHtml = withFooter.html();
        }
        if (channel == Channel.POST) {
            notification.signature = templates.cardSignature(data.personalisation().get("staffMember"), language);
        }
        if (channel == Channel.SMS) {
            notification.segments = SmsSegments.of(message.text().strip());
            notification.bodyText = message.text().strip();
        }
        return Optional.empty();
    }

    /** Every email can carry one-click rating links; only the templates that ask for them (feedback requests) show them. */
    private MessageData withRatingLinks(Notification notification, MessageData data) {
        Map<String, String> withLinks = new HashMap<>(data.personalisation());
        for (int rating = 1; rating <= 5; rating++) {
            withLinks.put(TemplateVariables.RATING_URL + rating, ratingLinks.link(notification.id, rating, clock.instant()));
        }
        return new MessageData(withLinks, data.pets(), data.recipientLocale(), data.recipientZone(), data.recipientCountry());
    }

    /** Where the recipient lives, for formatting phone numbers: the postal address's country, else the locale's. */
    private static String recipientCountry(Recipient recipient) {
        if (recipient.postalAddress() != null && recipient.postalAddress().country() != null
                && !recipient.postalAddress().country().isBlank()) {
            return recipient.postalAddress().country().strip().toUpperCase(Locale.ROOT);
        }
        String country = recipient.locale() == null ? "" : Locale.forLanguageTag(recipient.locale()).getCountry();
        return country.isEmpty() ? null : country;
    }


    private static List<String> missingAddressParts(Recipient recipient) {
        List<String> missing = new ArrayList<>();
        PostalAddress address = recipient.postalAddress();
        if (recipient.name() == null || recipient.name().isBlank()) {
            missing.add("name");
        }
        if (address == null) {
            missing.add("address");
            return missing;
        }
        if (address.line1() == null || address.line1().isBlank()) {
            missing.add("line1");
        }
        if (address.city() == null || address.city().isBlank()) {
            missing.add("city");
        }
        if (address.postalCode() == null || address.postalCode().isBlank()) {
            missing.add("postalCode");
        }
        if (address.country() == null || address.country().isBlank()) {
            missing.add("country");
        }
        return missing;
    }

    private static String write(PostalAddress address) {
        try {
            return address == null ? null : Events.mapper().writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
