package dev.tend.followup.rest;

import jakarta.validation.constraints.Size;

public record Assignment(@Size(max = 200) String assignee, @Size(max = 100) String team) {
}
