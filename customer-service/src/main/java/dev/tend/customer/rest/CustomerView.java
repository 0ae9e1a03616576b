package dev.tend.customer.rest;

import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.customer.Customer;
import dev.tend.customer.service.CustomerEvents;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public record CustomerView(UUID id, String name, List<String> emails, List<String> phones, PostalAddress postalAddress,
                           String timezone, String locale, List<String> preferredChannels, List<Consent> consents,
                           Set<String> tags, String notes, Instant createdAt, Instant updatedAt, long version) {

    static CustomerView of(Customer customer) {
        CustomerSnapshot snapshot = CustomerEvents.snapshot(customer);
        return new CustomerView(customer.id, customer.name, customer.emails, customer.phones, snapshot.postalAddress(),
                customer.timezone, customer.locale, customer.preferredChannels, snapshot.consents(), snapshot.tags(),
                customer.notes, customer.createdAt, customer.updatedAt, customer.version);
    }
}
