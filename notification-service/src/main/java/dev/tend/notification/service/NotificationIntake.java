package dev.tend.notification.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.notification.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Accepts a request to send: renders it and records it as pending, in the consumer's transaction. Sending
 * happens later, on the dispatcher's own thread, so a slow or absent mail server never stalls the topic.
 */
@ApplicationScoped
public class NotificationIntake {

    private final EmailTemplates templates;
    private final Clock clock;

    public NotificationIntake(EmailTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(EventEnvelope envelope, NotificationRequested request) {
        if (Notification.findById(request.notificationId()) != null) {
            return;
        }
        EmailTemplates.RenderedEmail email = templates.render(request.templateKey(), request.personalisation());
        Notification notification = new Notification();
        notification.id = request.notificationId();
        notification.taskId = request.taskId();
        notification.customerId = request.customerId();
        notification.channel = Channel.EMAIL.name();
        notification.templateKey = request.templateKey();
        notification.recipient = request.recipient().email();
        notification.subject = email.subject();
        notification.bodyText = email.text();
        notification.bodyHtml = email.html();
        notification.correlationId = envelope.correlationId();
        notification.status = Notification.PENDING;
        notification.createdAt = clock.instant();
        notification.nextAttemptAt = notification.createdAt;
        notification.persist();
    }
}
