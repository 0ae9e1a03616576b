package dev.tend.customer.rest;

import dev.tend.contracts.Channel;
import jakarta.validation.constraints.NotNull;

public record ConsentInput(@NotNull Channel channel, @NotNull Boolean granted) {
}
