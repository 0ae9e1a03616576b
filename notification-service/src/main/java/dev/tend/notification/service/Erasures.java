package dev.tend.notification.service;

import dev.tend.notification.Notification;
import dev.tend.notification.consent.ConsentReadModel;
import dev.tend.notification.inbound.InboundMessages;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A household asked to be forgotten: what we know of it goes, messages not yet sent never will be, and the ones
 * sent keep only their ids and statuses; what they wrote to us goes too. Suppressions stay: they are what keeps an erased address uncontacted.
 */
@ApplicationScoped
public class Erasures {

    public static final String REASON = "the customer asked to be forgotten";

    private final ConsentReadModel consents;
    private final StatusEvents statusEvents;
    private final InboundMessages inboundMessages;

    private final AuditTrail audit;

    public Erasures(ConsentReadModel consents, StatusEvents statusEvents, InboundMessages inboundMessages, AuditTrail audit) {
        this.audit = audit;
        this.consents = consents;
        this.statusEvents = statusEvents;
        this.inboundMessages = inboundMessages;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID customerId) {
        consents.forget(customerId);
        inboundMessages.erase(customerId);
        List<Notification> notifications = Notification.list("customerId", customerId);
        for (Notification notification : notifications) {
            if (!notification.isFinal()) {
                statusEvents.suppress(notification, REASON);
            }
            notification.recipient = null;
            notification.recipientName = null;
            notification.postalAddress = null;
            notification.photoUrl = null;
            notification.signature = null;
            notification.subject = null;
            notification.bodyText = null;
            notification.bodyHtml = null;
            notification.cardPdf = null;
        }
        // The household's audit entries stay; the correlation id ties this one to customer-service's, which names who asked.
        audit.record(AuditAction.CUSTOMER_ERASED, customerId, AuditTrail.SYSTEM, Map.of("cause", "CustomerErased"));
    }
}
