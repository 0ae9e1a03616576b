package dev.tend.customer.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.customer.Customer;
import dev.tend.customer.rest.AddressInput;
import dev.tend.customer.rest.ConsentInput;
import dev.tend.customer.rest.CustomerChanges;
import dev.tend.customer.rest.NewCustomer;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ETags;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class CustomerService {

    private static final String REGISTRATION = "registration";

    private final ContactPoints contactPoints;
    private final ConsentService consents;
    private final CustomerEvents events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditTrail audit;

    public CustomerService(ContactPoints contactPoints, ConsentService consents, CustomerEvents events,
                           EntityManager entityManager, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.contactPoints = contactPoints;
        this.consents = consents;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Customer register(NewCustomer input) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        apply(customer, input.name(), input.emails(), input.phones(), input.postalAddress(), input.timezone(),
                input.locale(), input.preferredChannels(), input.tags(), input.notes());
        customer.createdAt = clock.instant();
        customer.updatedAt = customer.createdAt;
        customer.persistAndFlush();
        if (input.consents() != null) {
            for (ConsentInput consent : input.consents()) {
                consents.record(customer.id, consent.channel(), consent.granted(), REGISTRATION);
            }
        }
        events.publish(customer.id, new CustomerRegistered(CustomerEvents.snapshot(customer)));
        audit.record(AuditAction.CUSTOMER_REGISTERED, customer.id, Map.of());
        return customer;
    }

    @Transactional
    public Customer update(UUID id, long expectedVersion, CustomerChanges input) {
        Customer customer = find(id);
        ETags.requireCurrent("Customer " + id, expectedVersion, customer.version);
        apply(customer, input.name(), input.emails(), input.phones(), input.postalAddress(), input.timezone(),
                input.locale(), input.preferredChannels(), input.tags(), input.notes());
        customer.updatedAt = clock.instant();
        // Flushing bumps the version, so the event carries the version the change produced.
        entityManager.flush();
        events.publish(customer.id, new CustomerUpdated(CustomerEvents.snapshot(customer)));
        audit.record(AuditAction.CUSTOMER_UPDATED, customer.id, Map.of("version", customer.version));
        return customer;
    }

    public Customer find(UUID id) {
        Customer customer = Customer.findById(id);
        if (customer == null) {
            throw ProblemException.notFound("Customer", id);
        }
        return customer;
    }

    /**
     * Customers whose name, email or phone contains {@code search} (case-insensitive; for phones the digits),
     * optionally only those with {@code tag}, by name.
     */
    @SuppressWarnings("unchecked")
    public Page<Customer> list(String search, String tag, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (search != null && !search.isBlank()) {
            where.append(" AND (lower(name) LIKE :text OR lower(emails::text) LIKE :text");
            String digits = search.replaceAll("[^0-9]", "");
            where.append(digits.isEmpty() ? ")" : " OR phones::text LIKE :digits)");
        }
        if (tag != null && !tag.isBlank()) {
            where.append(" AND tags @> CAST(:tag AS jsonb)");
        }
        Query select = entityManager.createNativeQuery("SELECT * FROM customer" + where + " ORDER BY lower(name), id LIMIT :limit OFFSET :offset", Customer.class);
        Query count = entityManager.createNativeQuery("SELECT count(*) FROM customer" + where);
        for (Query query : List.of(select, count)) {
            if (search != null && !search.isBlank()) {
                query.setParameter("text", "%" + escapeLike(search.strip().toLowerCase(Locale.ROOT)) + "%");
                String digits = search.replaceAll("[^0-9]", "");
                if (!digits.isEmpty()) {
                    query.setParameter("digits", "%" + digits + "%");
                }
            }
            if (tag != null && !tag.isBlank()) {
                query.setParameter("tag", "[\"" + tag.replace("\"", "") + "\"]");
            }
        }
        select.setParameter("limit", size).setParameter("offset", page * size);
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page<>(select.getResultList(), page, size, total);
    }

    private void apply(Customer customer, String name, List<String> emails, List<String> phones, AddressInput address,
                       String timezone, String locale, List<Channel> preferredChannels, List<String> tags, String notes) {
        contactPoints.requireKnownCountry(address);
        customer.name = name.strip();
        customer.emails = contactPoints.emails(emails);
        customer.phones = contactPoints.phones(phones, address);
        customer.addressLine1 = address == null ? null : address.line1();
        customer.addressLine2 = address == null ? null : address.line2();
        customer.addressCity = address == null ? null : address.city();
        customer.addressRegion = address == null ? null : address.region();
        customer.addressPostalCode = address == null ? null : address.postalCode();
        customer.addressCountry = address == null ? null : address.country();
        customer.timezone = contactPoints.timezone(timezone);
        customer.locale = contactPoints.locale(locale);
        customer.preferredChannels = preferredChannels == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(preferredChannels.stream().map(Channel::name).toList()));
        customer.tags = tags == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(tags));
        customer.notes = notes;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
