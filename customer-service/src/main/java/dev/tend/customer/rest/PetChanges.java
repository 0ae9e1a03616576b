package dev.tend.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A pet's corrected details; its status changes only through the death and rehoming operations. */
public record PetChanges(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 50) String species,
        @Size(max = 100) String breed,
        @Pattern(regexp = "female|male", message = "must be female or male, or left out when not known") String sex,
        @PastOrPresent LocalDate birthDate,
        Long version) {
}
