package dev.tend.customer.service;

import dev.tend.contracts.customer.VisitCancelled;
import dev.tend.contracts.customer.VisitCorrected;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.customer.Customer;
import dev.tend.customer.Pet;
import dev.tend.customer.Visit;
import dev.tend.customer.rest.NewVisit;
import dev.tend.customer.rest.VisitChanges;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ETags;
import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class VisitService {

    private final CustomerService customers;
    private final CustomerEvents events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditTrail audit;

    public VisitService(CustomerService customers, CustomerEvents events, EntityManager entityManager, Clock clock,
                        AuditTrail audit) {
        this.audit = audit;
        this.customers = customers;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Visit record(NewVisit input) {
        Customer customer = customers.find(input.customerId());
        requirePetOf(customer, input.petId());
        requireRecheckNotBeforeVisit(customer, input.visitedAt(), input.recheckDate());
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.customerId = customer.id;
        visit.petId = input.petId();
        visit.visitType = input.visitType();
        visit.reason = input.reason();
        visit.staffMember = input.staffMember();
        visit.visitedAt = input.visitedAt().toInstant();
        visit.recheckDate = input.recheckDate();
        visit.notes = input.notes();
        visit.outcome = input.outcome();
        visit.imported = Boolean.TRUE.equals(input.imported());
        visit.status = Visit.RECORDED;
        visit.createdAt = clock.instant();
        visit.updatedAt = visit.createdAt;
        visit.persistAndFlush();
        events.publish(customer.id, new VisitRecorded(CustomerEvents.snapshot(visit, customer)));
        audit.record(AuditAction.VISIT_RECORDED, customer.id, Map.of("visitId", visit.id, "visitType", visit.visitType,
                "imported", visit.imported));
        return visit;
    }

    /** Replaces a visit's details with what should have been recorded; followup-service re-plans. */
    @Transactional
    public Visit correct(UUID id, long expectedVersion, VisitChanges input) {
        Visit visit = find(id);
        ETags.requireCurrent("Visit " + id, expectedVersion, visit.version);
        requireNotCancelled(visit);
        Customer customer = customers.find(visit.customerId);
        requirePetOf(customer, input.petId());
        requireRecheckNotBeforeVisit(customer, input.visitedAt(), input.recheckDate());
        visit.petId = input.petId();
        visit.visitType = input.visitType();
        visit.reason = input.reason();
        visit.staffMember = input.staffMember();
        visit.visitedAt = input.visitedAt().toInstant();
        visit.recheckDate = input.recheckDate();
        visit.notes = input.notes();
        visit.outcome = input.outcome();
        visit.updatedAt = clock.instant();
        entityManager.flush();
        events.publish(customer.id, new VisitCorrected(CustomerEvents.snapshot(visit, customer)));
        audit.record(AuditAction.VISIT_CORRECTED, customer.id, Map.of("visitId", visit.id, "version", visit.version));
        return visit;
    }

    @Transactional
    public Visit cancel(UUID id, String reason) {
        Visit visit = find(id);
        requireNotCancelled(visit);
        visit.status = Visit.CANCELLED;
        visit.cancelReason = reason;
        visit.updatedAt = clock.instant();
        entityManager.flush();
        Customer customer = customers.find(visit.customerId);
        events.publish(customer.id, new VisitCancelled(CustomerEvents.snapshot(visit, customer), reason));
        // The reason is free text and may name someone: it stays out of the audit.
        audit.record(AuditAction.VISIT_CANCELLED, customer.id, Map.of("visitId", visit.id));
        return visit;
    }

    public Visit find(UUID id) {
        Visit visit = Visit.findById(id);
        if (visit == null) {
            throw ProblemException.notFound("Visit", id);
        }
        return visit;
    }

    /** A customer's (or one pet's) visits, newest first, optionally within [from, to). */
    public Page<Visit> list(UUID customerId, UUID petId, Instant from, Instant to, int page, int size) {
        StringBuilder query = new StringBuilder("customerId = :customer");
        Parameters parameters = Parameters.with("customer", customerId);
        if (petId != null) {
            query.append(" and petId = :pet");
            parameters.and("pet", petId);
        }
        if (from != null) {
            query.append(" and visitedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and visitedAt < :to");
            parameters.and("to", to);
        }
        PanacheQuery<Visit> visits = Visit.find(query.toString(), Sort.descending("visitedAt"), parameters);
        return new Page<>(visits.page(page, size).list(), page, size, visits.count());
    }

    private static void requirePetOf(Customer customer, UUID petId) {
        if (petId == null) {
            return;
        }
        Pet pet = Pet.findById(petId);
        if (pet == null || !pet.customerId.equals(customer.id)) {
            throw ProblemException.invalid("petId", "pet " + petId + " is not one of this customer's pets");
        }
    }

    private static void requireRecheckNotBeforeVisit(Customer customer, OffsetDateTime visitedAt, LocalDate recheckDate) {
        LocalDate visitDay = visitedAt.atZoneSameInstant(ZoneId.of(customer.timezone)).toLocalDate();
        if (recheckDate != null && recheckDate.isBefore(visitDay)) {
            throw ProblemException.invalid("recheckDate", "the recheck date cannot be before the visit (" + visitDay + ")");
        }
    }

    private static void requireNotCancelled(Visit visit) {
        if (Visit.CANCELLED.equals(visit.status)) {
            throw ProblemException.conflict("Visit " + visit.id + " was cancelled");
        }
    }
}
