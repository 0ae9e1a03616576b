package dev.tend.followup.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.followup.playbook.PlaybookDefinition.Anchor;
import dev.tend.followup.playbook.PlaybookDefinition.Rule;
import dev.tend.followup.playbook.PlaybookDefinition.Step;
import dev.tend.followup.playbook.PlaybookDefinition.Timing;
import dev.tend.followup.playbook.PlaybookDefinition.TriggerEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Says whether a playbook document can plan anything, naming each field at fault. */
public final class PlaybookValidator {

    public static final String VISIT_THANK_YOU_DELAY = "visit-thank-you-delay";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public record Violation(String field, String message) {
    }

    /** A document read from JSON, or the reason it could not be read. */
    public record Parsed(PlaybookDefinition definition, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private PlaybookValidator() {
    }

    public static Parsed parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new Parsed(null, List.of(new Violation("$", "a playbook is a JSON object")));
        }
        PlaybookDefinition definition;
        try {
            definition = Events.mapper().treeToValue(json, PlaybookDefinition.class);
        } catch (JsonMappingException e) {
            // Jackson's own message names Java types (java.lang.String, PlaybookDefinition$Rule): not for callers.
            return new Parsed(null, List.of(new Violation(path(e), "a value of the wrong type or format")));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Parsed(null, List.of(new Violation("$", "not a playbook document")));
        }
        return new Parsed(definition, validate(definition));
    }

    public static List<Violation> validate(PlaybookDefinition playbook) {
        List<Violation> violations = new ArrayList<>();
        if (playbook.key() == null || !KEY.matcher(playbook.key()).matches()) {
            violations.add(new Violation("key", "lower-case letters, digits and dashes, at most 63"));
        }
        if (playbook.rules() == null || playbook.rules().isEmpty()) {
            violations.add(new Violation("rules", "at least one rule"));
            return violations;
        }
        Set<String> ruleKeys = new HashSet<>();
        for (int r = 0; r < playbook.rules().size(); r++) {
            Rule rule = playbook.rules().get(r);
            String at = "rules[" + r + "]";
            if (rule == null) {
                violations.add(new Violation(at, "a rule is an object"));
                continue;
            }
            if (rule.key() == null || !KEY.matcher(rule.key()).matches()) {
                violations.add(new Violation(at + ".key", "lower-case letters, digits and dashes, at most 63"));
            } else if (!ruleKeys.add(rule.key())) {
                violations.add(new Violation(at + ".key", "'" + rule.key() + "' is used by another rule"));
            }
            validateRule(rule, at, violations);
        }
        return violations;
    }

    private static void validateRule(Rule rule, String at, List<Violation> violations) {
        if (rule.trigger() == null || rule.trigger().event() == null) {
            violations.add(new Violation(at + ".trigger.event", "required: one of VISIT_RECORDED, PET_DIED, PET_BIRTHDAY, RELATIONSHIP_CADENCE"));
            return;
        }
        TriggerEvent event = rule.trigger().event();
        if (event != TriggerEvent.VISIT_RECORDED && (rule.trigger().visitTypes() != null || rule.trigger().hasRecheckDate() != null)) {
            violations.add(new Violation(at + ".trigger", "visitTypes and hasRecheckDate apply to VISIT_RECORDED only"));
        }
        if (event == TriggerEvent.RELATIONSHIP_CADENCE) {
            if (rule.trigger().everyDays() == null || rule.trigger().everyDays() < 1) {
                violations.add(new Violation(at + ".trigger.everyDays", "a cadence needs everyDays of at least 1"));
            }
            if (rule.trigger().tags() == null || rule.trigger().tags().isEmpty()) {
                violations.add(new Violation(at + ".trigger.tags", "a cadence applies to households with one of these tags"));
            }
        } else if (rule.trigger().everyDays() != null) {
            violations.add(new Violation(at + ".trigger.everyDays", "applies to RELATIONSHIP_CADENCE only"));
        }
        if (rule.steps() == null || rule.steps().isEmpty()) {
            violations.add(new Violation(at + ".steps", "at least one step"));
            return;
        }
        Set<String> stepKeys = new HashSet<>();
        for (int s = 0; s < rule.steps().size(); s++) {
            Step step = rule.steps().get(s);
            String stepAt = at + ".steps[" + s + "]";
            if (step == null) {
                violations.add(new Violation(stepAt, "a step is an object"));
                continue;
            }
            if (step.key() == null || !KEY.matcher(step.key()).matches()) {
                violations.add(new Violation(stepAt + ".key", "lower-case letters, digits and dashes, at most 63"));
            } else if (!stepKeys.add(step.key())) {
                violations.add(new Violation(stepAt + ".key", "'" + step.key() + "' is used by another step of this rule"));
            }
            validateStep(step, rule, stepAt, violations);
        }
    }

    private static void validateStep(Step step, Rule rule, String at, List<Violation> violations) {
        if (!Templates.isKnown(step.templateKey())) {
            violations.add(new Violation(at + ".templateKey", "unknown template '" + step.templateKey() + "'"));
        }
        if (step.channels() == null || step.channels().isEmpty() || step.channels().contains(null)) {
            violations.add(new Violation(at + ".channels", "at least one of EMAIL, SMS, POST, PHONE"));
        } else {
            if (new HashSet<>(step.channels()).size() != step.channels().size()) {
                violations.add(new Violation(at + ".channels", "a channel is listed twice"));
            }
            if (step.channels().contains(Channel.PHONE) && step.channels().size() > 1) {
                violations.add(new Violation(at + ".channels", "a call (PHONE) is made by staff and has no fallback channel"));
            }
            if (Templates.isKnown(step.templateKey())) {
                for (Channel channel : step.channels()) {
                    if (!Templates.channels(step.templateKey()).contains(channel)) {
                        violations.add(new Violation(at + ".channels", "template '" + step.templateKey() + "' exists for "
                                + Templates.channels(step.templateKey()) + ", not " + channel));
                    }
                }
            }
        }
        if (step.priority() == null) {
            violations.add(new Violation(at + ".priority", "required: SYMPATHY, CLINICAL, RELATIONSHIP, FEEDBACK or BIRTHDAY"));
        }
        Timing timing = step.timing();
        if (timing == null) {
            violations.add(new Violation(at + ".timing", "required"));
            return;
        }
        if (timing.anchor() == null) {
            violations.add(new Violation(at + ".timing.anchor", "required: EVENT or RECHECK_DATE"));
        } else if (timing.anchor() == Anchor.RECHECK_DATE && !Boolean.TRUE.equals(rule.trigger().hasRecheckDate())) {
            violations.add(new Violation(at + ".timing.anchor", "RECHECK_DATE needs a trigger with hasRecheckDate: true"));
        }
        if (Boolean.TRUE.equals(timing.businessDays()) && timing.daysOrZero() < 0) {
            violations.add(new Violation(at + ".timing.days", "business days count forward only"));
        }
        if (timing.offset() != null && timing.offsetSetting() != null) {
            violations.add(new Violation(at + ".timing.offsetSetting", "give offset or offsetSetting, not both"));
        }
        if (timing.offsetSetting() != null && !VISIT_THANK_YOU_DELAY.equals(timing.offsetSetting())) {
            violations.add(new Violation(at + ".timing.offsetSetting", "the only setting is '" + VISIT_THANK_YOU_DELAY + "'"));
        }
        if (timing.freshFor() != null) {
            if (timing.freshFor().isNegative() || timing.freshFor().isZero()) {
                violations.add(new Violation(at + ".timing.freshFor", "a positive duration, e.g. PT24H or P14D"));
            } else if (timing.anchor() != Anchor.EVENT) {
                violations.add(new Violation(at + ".timing.freshFor", "applies to steps anchored on the EVENT only"));
            }
        }
        if (Boolean.TRUE.equals(step.fitsBereavement()) && step.priority() != null && step.priority().cheerful()) {
            violations.add(new Violation(at + ".fitsBereavement", "a " + step.priority() + " step never fits a bereavement"));
        }
        if (timing.offset() != null && timing.offset().isNegative() && timing.anchor() == Anchor.EVENT) {
            violations.add(new Violation(at + ".timing.offset", "a step cannot fire before the event that plans it"));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
