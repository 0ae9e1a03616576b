package dev.tend.console;

import dev.tend.console.clients.FollowupClient.Call;
import dev.tend.console.web.WorklistOrder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorklistOrderTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void shouldPutOverdueCallsFirstThenTheRestByDueTime() {
        Call dueAtTen = call("due at ten", NINE.plusSeconds(3600), false);
        Call dueAtNine = call("due at nine", NINE, false);
        Call overdueYesterday = call("overdue since yesterday", NINE.minusSeconds(86_400), true);
        Call overdueThisMorning = call("overdue this morning", NINE.minusSeconds(3600), true);

        List<Call> ordered = WorklistOrder.sort(List.of(dueAtTen, overdueThisMorning, dueAtNine, overdueYesterday));

        assertEquals(List.of("overdue since yesterday", "overdue this morning", "due at nine", "due at ten"),
                ordered.stream().map(Call::reason).toList());
    }

    @Test
    void shouldKeepTheServicesOrderForCallsDueAtTheSameTime() {
        Call clinical = call("clinical", NINE, false);
        Call relationship = call("relationship", NINE, false);
        assertEquals(List.of("clinical", "relationship"),
                WorklistOrder.sort(List.of(clinical, relationship)).stream().map(Call::reason).toList());
    }

    @Test
    void shouldPutUrgentRepliesBeforeOverdueCallsAndOtherRepliesByDueTime() {
        Call overdueCall = call("overdue call", NINE.minusSeconds(86_400), true);
        Call calmReply = reply("calm reply", NINE.minusSeconds(600), false);
        Call urgentReply = reply("urgent reply", NINE.plusSeconds(600), false, true);
        Call dueCall = call("due call", NINE.minusSeconds(1200), false);

        assertEquals(List.of("urgent reply", "overdue call", "due call", "calm reply"),
                WorklistOrder.sort(List.of(dueCall, calmReply, overdueCall, urgentReply)).stream().map(Call::reason).toList());
    }

    @Test
    void shouldNotLetAnUrgentFlagOnACallJumpTheQueue() {
        Call flaggedCall = new Call(UUID.randomUUID(), "FOLLOWUP", "surgery-checkin", "rule", "CLINICAL", true, "OPEN",
                NINE.plusSeconds(60), false, null, "front-desk", "flagged call", null, List.of(), List.of(), List.of(),
                List.of(), null);
        Call overdue = call("overdue", NINE.minusSeconds(60), true);
        assertEquals(List.of("overdue", "flagged call"),
                WorklistOrder.sort(List.of(flaggedCall, overdue)).stream().map(Call::reason).toList());
    }

    private static Call call(String reason, Instant dueAt, boolean overdue) {
        return new Call(UUID.randomUUID(), "FOLLOWUP", "surgery-checkin", "rule", "CLINICAL", false, "OPEN", dueAt, overdue,
                null, "front-desk", reason, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    private static Call reply(String reason, Instant dueAt, boolean overdue) {
        return reply(reason, dueAt, overdue, false);
    }

    private static Call reply(String reason, Instant dueAt, boolean overdue, boolean urgent) {
        return new Call(UUID.randomUUID(), "REPLY", "customer-reply", null, "CLINICAL", urgent, "OPEN", dueAt, overdue,
                null, "front-desk", reason, null, List.of(), List.of(), List.of(), List.of(), null);
    }
}
