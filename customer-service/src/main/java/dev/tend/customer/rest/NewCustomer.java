package dev.tend.customer.rest;

import dev.tend.contracts.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A household to register. Consents given here are recorded with source {@code registration}; a channel
 * not listed is not consented.
 */
public record NewCustomer(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 5) List<@NotBlank @Email @Size(max = 320) String> emails,
        @Size(max = 5) List<@NotBlank @Size(max = 32) String> phones,
        @Valid AddressInput postalAddress,
        @NotBlank @Size(max = 64) String timezone,
        @NotBlank @Size(max = 35) String locale,
        @Size(max = 4) List<@NotNull Channel> preferredChannels,
        @Size(max = 4) List<@NotNull @Valid ConsentInput> consents,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                message = "must be lowercase letters, digits and dashes, at most 40") String> tags,
        @Size(max = 4000) String notes) {
}
