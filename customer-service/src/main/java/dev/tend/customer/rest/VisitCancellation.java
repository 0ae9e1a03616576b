package dev.tend.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record VisitCancellation(@NotBlank @Size(max = 500) String reason) {
}
