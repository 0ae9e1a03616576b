package dev.tend.console.web;

import dev.tend.console.clients.FollowupClient.Call;

import java.util.Map;

/**
 * One call as the Today page shows it: the call, what was done with it on this page (an outcome, "snoozed",
 * "reassigned") once it left the person's list, and the service's messages when an action was refused.
 */
public record WorklistItem(Call call, String done, String message, Map<String, String> errors) {

    public static WorklistItem open(Call call) {
        return new WorklistItem(call, null, null, Map.of());
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
