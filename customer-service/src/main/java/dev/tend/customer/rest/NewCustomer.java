package dev.tend.customer.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewCustomer(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 32) String phone,
        @NotBlank String timezone,
        @NotBlank String locale) {
}
