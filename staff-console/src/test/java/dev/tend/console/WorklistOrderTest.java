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

    private static Call call(String reason, Instant dueAt, boolean overdue) {
        return new Call(UUID.randomUUID(), "surgery-checkin", "rule", "CLINICAL", "OPEN", dueAt, overdue, null, "front-desk",
                reason, null, List.of(), List.of(), List.of(), List.of());
    }
}
