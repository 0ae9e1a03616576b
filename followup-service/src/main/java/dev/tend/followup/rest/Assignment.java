package dev.tend.followup.rest;

public record Assignment(String assignee, String team) {
}
