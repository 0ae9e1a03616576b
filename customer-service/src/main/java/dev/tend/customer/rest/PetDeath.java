package dev.tend.customer.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record PetDeath(@NotNull @PastOrPresent java.time.LocalDate diedOn) {
}
