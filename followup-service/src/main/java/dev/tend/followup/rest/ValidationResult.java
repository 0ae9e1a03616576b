package dev.tend.followup.rest;

import dev.tend.followup.playbook.PlaybookValidator.Violation;

import java.util.List;

public record ValidationResult(boolean valid, List<Violation> violations) {
}
