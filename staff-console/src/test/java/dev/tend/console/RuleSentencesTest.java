package dev.tend.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tend.console.web.RuleSentences;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleSentencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldTellARuleWithItsConditionsChannelTimingAndTeam() throws Exception {
        JsonNode playbook = JSON.readTree("""
                {"key": "vet", "rules": [{"key": "surgery-checkin",
                  "trigger": {"event": "VISIT_RECORDED", "visitTypes": ["surgery", "treatment"]},
                  "steps": [{"key": "call", "channels": ["PHONE"], "templateKey": "surgery-checkin",
                             "timing": {"anchor": "EVENT", "days": 1, "businessDays": true, "at": "09:00"}, "team": "nurses"}]}]}
                """);
        assertEquals(List.of("When a visit is recorded (surgery or treatment): surgery-checkin by phone, "
                + "1 business day after the event, at 09:00, for team nurses."), RuleSentences.of(playbook));
    }

    @Test
    void shouldTellStepsBeforeTheRecheckDateThatExpireThere() throws Exception {
        JsonNode playbook = JSON.readTree("""
                {"rules": [{"trigger": {"event": "VISIT_RECORDED", "hasRecheckDate": true},
                  "steps": [{"templateKey": "recheck-postcard", "channels": ["POST"],
                             "timing": {"anchor": "RECHECK_DATE", "days": -3, "at": "10:00", "expireAtAnchor": true}},
                            {"templateKey": "recheck-reminder", "channels": ["SMS", "EMAIL"],
                             "timing": {"anchor": "RECHECK_DATE", "days": -2, "at": "10:00"}}]}]}
                """);
        assertEquals(List.of("When a visit is recorded (with a recheck date): recheck-postcard by post, 3 days before the "
                + "recheck date, at 10:00 (dropped if not sent by then); then recheck-reminder by SMS or email, 2 days before "
                + "the recheck date, at 10:00."), RuleSentences.of(playbook));
    }

    @Test
    void shouldTellCadencesAndImmediateSteps() throws Exception {
        JsonNode playbook = JSON.readTree("""
                {"rules": [{"trigger": {"event": "RELATIONSHIP_CADENCE", "tags": ["key-client"], "everyDays": 90},
                  "steps": [{"templateKey": "relationship-checkin", "timing": {"anchor": "EVENT", "at": "11:00"}}]},
                  {"trigger": {"event": "PET_DIED"}, "steps": [{"templateKey": "sympathy-card", "timing": {"anchor": "EVENT"}}]}]}
                """);
        assertEquals(List.of("Every 90 days (for households tagged key-client): relationship-checkin, on the event, at 11:00.",
                "When a pet dies: sympathy-card, on the event."), RuleSentences.of(playbook));
    }
}
