package dev.tend.customer.service;

import dev.tend.contracts.customer.PetDied;
import dev.tend.contracts.customer.PetRegistered;
import dev.tend.contracts.customer.PetUpdated;
import dev.tend.customer.Customer;
import dev.tend.customer.CustomerConfig;
import dev.tend.customer.Pet;
import dev.tend.customer.PetPhoto;
import dev.tend.customer.rest.NewPet;
import dev.tend.customer.rest.PetChanges;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ETags;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PetService {

    private final CustomerService customers;
    private final CustomerEvents events;
    private final PhotoCheck photoCheck;
    private final CustomerConfig config;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditTrail audit;

    public PetService(CustomerService customers, CustomerEvents events, PhotoCheck photoCheck, CustomerConfig config,
                      EntityManager entityManager, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.customers = customers;
        this.events = events;
        this.photoCheck = photoCheck;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Pet register(NewPet input) {
        Customer customer = customers.find(input.customerId());
        Pet pet = new Pet();
        pet.id = UUID.randomUUID();
        pet.customerId = customer.id;
        pet.name = input.name().strip();
        pet.species = input.species().strip().toLowerCase(java.util.Locale.ROOT);
        pet.breed = input.breed();
        pet.sex = input.sex();
        pet.birthDate = input.birthDate();
        pet.status = Pet.ACTIVE;
        pet.createdAt = clock.instant();
        pet.updatedAt = pet.createdAt;
        pet.persistAndFlush();
        events.publish(pet.customerId, new PetRegistered(events.snapshot(pet)));
        audit.record(AuditAction.PET_REGISTERED, pet.customerId, Map.of("petId", pet.id));
        return pet;
    }

    @Transactional
    public Pet update(UUID id, long expectedVersion, PetChanges input) {
        Pet pet = find(id);
        ETags.requireCurrent("Pet " + id, expectedVersion, pet.version);
        pet.name = input.name().strip();
        pet.species = input.species().strip().toLowerCase(java.util.Locale.ROOT);
        pet.breed = input.breed();
        pet.sex = input.sex();
        pet.birthDate = input.birthDate();
        audit.record(AuditAction.PET_UPDATED, pet.customerId, Map.of("petId", pet.id));
        return changed(pet);
    }

    /** Marks a pet deceased; followup-service cancels what was planned for it and sends sympathy. */
    @Transactional
    public Pet markDeceased(UUID id, LocalDate diedOn) {
        Pet pet = find(id);
        if (Pet.DECEASED.equals(pet.status)) {
            throw ProblemException.conflict("Pet " + id + " is already recorded as deceased on " + pet.diedOn);
        }
        Customer customer = customers.find(pet.customerId);
        if (diedOn.isAfter(LocalDate.now(clock.withZone(ZoneId.of(customer.timezone))))) {
            throw ProblemException.invalid("diedOn", "the date of death cannot be in the future");
        }
        if (pet.birthDate != null && diedOn.isBefore(pet.birthDate)) {
            throw ProblemException.invalid("diedOn", "the date of death cannot be before the birth date");
        }
        pet.status = Pet.DECEASED;
        pet.diedOn = diedOn;
        pet.updatedAt = clock.instant();
        entityManager.flush();
        events.publish(pet.customerId, new PetDied(events.snapshot(pet)));
        audit.record(AuditAction.PET_DIED, pet.customerId, Map.of("petId", pet.id, "diedOn", diedOn.toString()));
        return pet;
    }

    @Transactional
    public Pet rehome(UUID id) {
        Pet pet = find(id);
        if (!Pet.ACTIVE.equals(pet.status)) {
            throw ProblemException.conflict("Pet " + id + " is " + pet.status + ", not active");
        }
        pet.status = Pet.REHOMED;
        audit.record(AuditAction.PET_REHOMED, pet.customerId, Map.of("petId", pet.id));
        return changed(pet);
    }

    @Transactional
    public Pet uploadPhoto(UUID id, String contentType, byte[] data) {
        Pet pet = find(id);
        String type = photoCheck.verify(contentType, data, config.photoMaxBytes());
        PetPhoto photo = PetPhoto.findById(id);
        if (photo == null) {
            photo = new PetPhoto();
            photo.petId = id;
        }
        photo.contentType = type;
        photo.data = data;
        photo.uploadedAt = clock.instant();
        photo.persist();
        audit.record(AuditAction.PET_PHOTO_UPLOADED, pet.customerId, Map.of("petId", pet.id, "contentType", type));
        return changed(pet);
    }

    public PetPhoto photo(UUID id) {
        find(id);
        PetPhoto photo = PetPhoto.findById(id);
        if (photo == null) {
            throw ProblemException.notFound("Photo of pet", id);
        }
        return photo;
    }

    public Pet find(UUID id) {
        Pet pet = Pet.findById(id);
        if (pet == null) {
            throw ProblemException.notFound("Pet", id);
        }
        return pet;
    }

    public List<Pet> ofCustomer(UUID customerId) {
        customers.find(customerId);
        return Pet.list("customerId", Sort.by("createdAt"), customerId);
    }

    public String photoUrl(Pet pet) {
        return events.photoUrl(pet);
    }

    private Pet changed(Pet pet) {
        pet.updatedAt = clock.instant();
        entityManager.flush();
        events.publish(pet.customerId, new PetUpdated(events.snapshot(pet)));
        return pet;
    }
}
