package dev.tend.customer.service;

import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.customer.Customer;
import dev.tend.customer.Visit;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class VisitService {

    private final CustomerService customers;
    private final CustomerEvents events;
    private final Clock clock;

    public VisitService(CustomerService customers, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Visit record(UUID customerId, UUID petId, String visitType, String reason, String staffMember,
                        OffsetDateTime visitedAt, LocalDate recheckDate, String notes) {
        Customer customer = customers.find(customerId);
        if (recheckDate != null && recheckDate.isBefore(visitedAt.atZoneSameInstant(ZoneId.of(customer.timezone)).toLocalDate())) {
            throw ProblemException.invalid("recheckDate", "the recheck date cannot be before the visit");
        }
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.customerId = customerId;
        visit.petId = petId;
        visit.visitType = visitType;
        visit.reason = reason;
        visit.staffMember = staffMember;
        visit.visitedAt = visitedAt.toInstant();
        visit.recheckDate = recheckDate;
        visit.notes = notes;
        visit.createdAt = clock.instant();
        visit.persistAndFlush();
        events.publish(customerId, new VisitRecorded(CustomerEvents.snapshot(visit, customer)));
        return visit;
    }

    public Visit find(UUID id) {
        Visit visit = Visit.findById(id);
        if (visit == null) {
            throw ProblemException.notFound("Visit", id);
        }
        return visit;
    }
}
