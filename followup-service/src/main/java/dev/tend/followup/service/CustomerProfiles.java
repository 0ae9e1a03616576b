package dev.tend.followup.service;

import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.followup.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Keeps the local copy of each household, newest version wins. */
@ApplicationScoped
public class CustomerProfiles {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CustomerSnapshot snapshot) {
        CustomerProfile profile = CustomerProfile.findById(snapshot.customerId());
        if (profile == null) {
            profile = new CustomerProfile();
            profile.customerId = snapshot.customerId();
        } else if (profile.version > snapshot.version()) {
            return;
        }
        profile.name = snapshot.name();
        profile.email = snapshot.emails().isEmpty() ? null : snapshot.emails().get(0);
        profile.phone = snapshot.phones().isEmpty() ? null : snapshot.phones().get(0);
        profile.timezone = snapshot.timezone();
        profile.locale = snapshot.locale();
        profile.version = snapshot.version();
        profile.persist();
    }

    public CustomerProfile find(UUID customerId) {
        return CustomerProfile.findById(customerId);
    }
}
