package dev.tend.customer.rest;

import dev.tend.customer.Customer;

import java.time.Instant;
import java.util.UUID;

public record CustomerView(UUID id, String name, String email, String phone, String timezone, String locale,
                           Instant createdAt, long version) {

    static CustomerView of(Customer customer) {
        return new CustomerView(customer.id, customer.name, customer.email, customer.phone, customer.timezone,
                customer.locale, customer.createdAt, customer.version);
    }
}
