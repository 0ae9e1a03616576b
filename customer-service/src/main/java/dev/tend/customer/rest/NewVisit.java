package dev.tend.customer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record NewVisit(
        @NotNull UUID customerId,
        UUID petId,
        @NotBlank @Pattern(regexp = VisitTypes.PATTERN, message = VisitTypes.MESSAGE) String visitType,
        @Size(max = 500) String reason,
        @Size(max = 200) String staffMember,
        @NotNull OffsetDateTime visitedAt,
        LocalDate recheckDate,
        @Size(max = 4000) String notes,
        @Size(max = 500) String outcome,
        // History recorded after the fact (an import, a backlog): kept everywhere, followed up nowhere.
        Boolean imported) {
}
