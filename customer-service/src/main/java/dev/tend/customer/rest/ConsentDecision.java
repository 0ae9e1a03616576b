package dev.tend.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A consent given or withdrawn; {@code source} says how (front desk, web form, phone call...). */
public record ConsentDecision(@NotNull Boolean granted, @NotBlank @Size(max = 100) String source) {
}
