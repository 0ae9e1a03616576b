package dev.tend.contracts.customer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pet as consumers need it. {@code status} is {@code active}, {@code deceased} or {@code rehomed};
 * {@code photoUrl} is null until a photo is uploaded.
 */
public record PetSnapshot(
        UUID petId,
        UUID customerId,
        String name,
        String species,
        String breed,
        LocalDate birthDate,
        String status,
        LocalDate diedOn,
        String photoUrl,
        long version) {
}
