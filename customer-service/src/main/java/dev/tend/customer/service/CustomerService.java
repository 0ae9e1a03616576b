package dev.tend.customer.service;

import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.customer.Customer;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class CustomerService {

    private final CustomerEvents events;
    private final Clock clock;

    public CustomerService(CustomerEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Customer register(String name, String email, String phone, String timezone, String locale) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = name.strip();
        customer.email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        customer.phone = phone;
        customer.timezone = validTimezone(timezone);
        customer.locale = validLocale(locale);
        customer.createdAt = clock.instant();
        customer.updatedAt = customer.createdAt;
        customer.persistAndFlush();
        events.publish(customer.id, new CustomerRegistered(CustomerEvents.snapshot(customer)));
        return customer;
    }

    public Customer find(UUID id) {
        Customer customer = Customer.findById(id);
        if (customer == null) {
            throw ProblemException.notFound("Customer", id);
        }
        return customer;
    }

    private static String validTimezone(String timezone) {
        try {
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    private static String validLocale(String locale) {
        try {
            return new Locale.Builder().setLanguageTag(locale).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ProblemException.invalid("locale", "'" + locale + "' is not a BCP 47 language tag such as en-GB");
        }
    }
}
