package dev.tend.contracts.customer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pet as consumers need it. {@code status} is {@code active}, {@code deceased} or {@code rehomed};
 * {@code photoUrl} is null until a photo is uploaded; {@code sex} is {@code female}, {@code male} or null when the
 * clinic has not recorded it (and in events written before it existed), so messages can say "her recheck".
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
        long version,
        String sex) {

    /** A pet whose sex is not recorded. */
    public PetSnapshot(UUID petId, UUID customerId, String name, String species, String breed, LocalDate birthDate,
                       String status, LocalDate diedOn, String photoUrl, long version) {
        this(petId, customerId, name, species, breed, birthDate, status, diedOn, photoUrl, version, null);
    }
}
