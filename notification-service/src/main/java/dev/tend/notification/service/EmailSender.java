package dev.tend.notification.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.NotificationStatusChanged;
import dev.tend.notification.Notification;
import dev.tend.platform.messaging.Outbox;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Sends a requested email once and reports what happened. */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final EmailTemplates templates;
    private final Mailer mailer;
    private final Outbox outbox;
    private final Clock clock;

    public EmailSender(EmailTemplates templates, Mailer mailer, Outbox outbox, Clock clock) {
        this.templates = templates;
        this.mailer = mailer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(EventEnvelope envelope, NotificationRequested request) {
        if (Notification.findById(request.notificationId()) != null) {
            return;
        }
        Notification notification = new Notification();
        notification.id = request.notificationId();
        notification.taskId = request.taskId();
        notification.customerId = request.customerId();
        notification.channel = Channel.EMAIL.name();
        notification.templateKey = request.templateKey();
        notification.recipient = request.recipient().email();
        notification.correlationId = envelope.correlationId();
        notification.createdAt = clock.instant();

        EmailTemplates.RenderedEmail email = templates.render(request.templateKey(), request.personalisation());
        notification.subject = email.subject();
        notification.bodyText = email.text();
        String messageId = "<" + notification.id + "@tend>";
        mailer.send(Mail.withText(request.recipient().email(), email.subject(), email.text())
                .setHtml(email.html())
                .addHeader("Message-ID", messageId));
        notification.status = DeliveryStatus.SENT.name();
        notification.providerMessageId = messageId;
        notification.sentAt = clock.instant();
        notification.persist();
        LOG.infof("Sent email %s (template %s) for task %s", notification.id, notification.templateKey, notification.taskId);

        outbox.publish(Topics.NOTIFICATION_STATUS, Events.envelope(
                new NotificationStatusChanged(notification.id, notification.taskId, notification.customerId,
                        Channel.EMAIL, DeliveryStatus.SENT, null, false, messageId),
                notification.customerId, clock.instant(), envelope.correlationId()));
    }
}
