package dev.tend.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

public record NewPet(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 50) String species,
        @Size(max = 100) String breed,
        @Pattern(regexp = "female|male", message = "must be female or male, or left out when not known") String sex,
        @PastOrPresent LocalDate birthDate) {
}
