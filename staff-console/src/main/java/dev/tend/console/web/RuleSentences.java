package dev.tend.console.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A playbook rule as people read it: "When a visit is recorded (surgery or treatment): surgery-checkin by phone,
 * 1 business day after the visit, at 09:00." Reads the service's JSON, so a field it adds later is simply not told.
 */
public final class RuleSentences {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private RuleSentences() {
    }

    public static List<String> of(JsonNode definition) {
        List<String> sentences = new ArrayList<>();
        for (JsonNode rule : definition.path("rules")) {
            List<String> steps = new ArrayList<>();
            for (JsonNode step : rule.path("steps")) {
                steps.add(step(step));
            }
            sentences.add(trigger(rule.path("trigger")) + ": " + String.join("; then ", steps) + ".");
        }
        return sentences;
    }

    static String trigger(JsonNode trigger) {
        String event = trigger.path("event").asText("");
        String when = switch (event) {
            case "VISIT_RECORDED" -> "When a visit is recorded";
            case "PET_DIED" -> "When a pet dies";
            case "PET_BIRTHDAY" -> "On a pet's birthday";
            case "RELATIONSHIP_CADENCE" -> "Every " + trigger.path("everyDays").asInt() + " days";
            default -> "When " + event.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        List<String> conditions = new ArrayList<>();
        if (trigger.path("visitTypes").size() > 0) {
            conditions.add(list(trigger.path("visitTypes")));
        }
        if (trigger.path("hasRecheckDate").asBoolean(false)) {
            conditions.add("with a recheck date");
        }
        if (trigger.path("tags").size() > 0) {
            conditions.add("for households tagged " + list(trigger.path("tags")));
        }
        if (trigger.path("species").size() > 0) {
            conditions.add("for " + list(trigger.path("species")));
        }
        return conditions.isEmpty() ? when : when + " (" + String.join(", ", conditions) + ")";
    }

    static String step(JsonNode step) {
        StringBuilder text = new StringBuilder(step.path("templateKey").asText("a step"));
        if (step.path("channels").size() > 0) {
            List<String> channels = new ArrayList<>();
            step.path("channels").forEach(channel -> channels.add("SMS".equals(channel.asText()) ? "SMS"
                    : channel.asText().toLowerCase(Locale.ROOT)));
            text.append(" by ").append(list(JSON.valueToTree(channels)));
        }
        text.append(", ").append(timing(step.path("timing")));
        if (!step.path("team").isMissingNode() && !step.path("team").isNull()) {
            text.append(", for team ").append(step.path("team").asText());
        }
        return text.toString();
    }

    static String timing(JsonNode timing) {
        String anchor = switch (timing.path("anchor").asText("EVENT")) {
            case "RECHECK_DATE" -> "the recheck date";
            case "EVENT" -> "the event";
            default -> timing.path("anchor").asText().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        int days = timing.path("days").asInt(0);
        String unit = timing.path("businessDays").asBoolean(false) ? "business day" : "day";
        StringBuilder text = new StringBuilder();
        if (days == 0) {
            text.append(timing.hasNonNull("offsetSetting") || timing.hasNonNull("offset")
                    ? "after " + anchor + " (" + (timing.hasNonNull("offset") ? timing.path("offset").asText()
                    : "the " + timing.path("offsetSetting").asText() + " setting") + ")"
                    : "on " + anchor);
        } else {
            int n = Math.abs(days);
            text.append(n).append(' ').append(unit).append(n == 1 ? "" : "s").append(days > 0 ? " after " : " before ").append(anchor);
        }
        if (timing.hasNonNull("at")) {
            text.append(", at ").append(timing.path("at").asText());
        }
        if (timing.path("expireAtAnchor").asBoolean(false)) {
            text.append(" (dropped if not sent by then)");
        }
        return text.toString();
    }

    private static String list(JsonNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(value -> items.add(value.asText()));
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
