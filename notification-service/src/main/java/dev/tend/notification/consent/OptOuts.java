package dev.tend.notification.consent;

import dev.tend.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer saying "stop" or "start again" through us. The local suppression list changes at once, so not a
 * single further message goes out; customer-service, which owns consent, is asked to record the change too.
 */
@ApplicationScoped
public class OptOuts {

    private final Suppressions suppressions;
    private final ConsentRequests consentRequests;
    private final ConsentReadModel consents;
    private final Clock clock;

    public OptOuts(Suppressions suppressions, ConsentRequests consentRequests, ConsentReadModel consents, Clock clock) {
        this.suppressions = suppressions;
        this.consentRequests = consentRequests;
        this.consents = consents;
        this.clock = clock;
    }

    /** @return false when the address was already unsubscribed */
    @Transactional
    public boolean unsubscribeEmail(UUID customerId, String address) {
        Instant now = clock.instant();
        boolean already = suppressions.reason(Channel.EMAIL, address).isPresent();
        suppressions.suppress(Channel.EMAIL, address, Suppressions.UNSUBSCRIBED, now);
        if (!already) {
            consentRequests.request(customerId, Channel.EMAIL, false, "email-unsubscribe-link", now);
        }
        return !already;
    }

    /** @return the customers whose SMS consent customer-service is asked to withdraw */
    @Transactional
    public List<UUID> smsStop(String phone) {
        Instant now = clock.instant();
        suppressions.suppress(Channel.SMS, phone, Suppressions.SMS_STOP, now);
        List<UUID> customers = consents.customersWithPhone(phone);
        customers.forEach(customerId -> consentRequests.request(customerId, Channel.SMS, false, "sms-stop", now));
        return customers;
    }

    /** @return the customers whose SMS consent customer-service is asked to restore */
    @Transactional
    public List<UUID> smsStart(String phone) {
        Instant now = clock.instant();
        suppressions.lift(Channel.SMS, phone);
        List<UUID> customers = consents.customersWithPhone(phone);
        customers.forEach(customerId -> consentRequests.request(customerId, Channel.SMS, true, "sms-start", now));
        return customers;
    }
}
