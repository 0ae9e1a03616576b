package dev.tend.customer.rest;

import dev.tend.customer.Pet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record PetView(UUID id, UUID customerId, String name, String species, String breed, String sex, LocalDate birthDate,
                      String status, LocalDate diedOn, String photoUrl, Instant createdAt, Instant updatedAt,
                      long version) {

    static PetView of(Pet pet, String photoUrl) {
        return new PetView(pet.id, pet.customerId, pet.name, pet.species, pet.breed, pet.sex, pet.birthDate, pet.status,
                pet.diedOn, photoUrl, pet.createdAt, pet.updatedAt, pet.version);
    }
}
