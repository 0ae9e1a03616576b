package dev.tend.console.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The household page's "Who did what": the three services' entries as one list, newest first, details as text. */
class HouseholdAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID HOUSEHOLD = UUID.randomUUID();

    @Test
    void shouldMergeTheThreeServicesEntriesNewestFirst() throws IOException {
        Map<String, List<AuditClient.Entry>> byService = new LinkedHashMap<>();
        byService.put("customer", List.of(
                entry(3, "2026-11-27T10:05:00Z", "ada", "CUSTOMER_ERASED", "{}"),
                entry(1, "2026-11-20T09:00:00Z", "practice-system", "CUSTOMER_REGISTERED", "{}")));
        byService.put("followup", List.of(
                entry(9, "2026-11-25T14:30:00Z", "sam", "CALL_COMPLETED", "{\"taskId\":\"t-1\",\"outcome\":\"REACHED\",\"completedBy\":\"\"}")));
        byService.put("notification", List.of(
                entry(4, "2026-11-27T10:05:01Z", "system", "CUSTOMER_ERASED", "{\"cause\":\"CustomerErased\"}"),
                entry(2, "2026-11-26T08:00:00Z", "ada", "PRINT_JOB_APPROVED", "{\"printJobId\":\"j-7\",\"households\":3}")));

        List<HouseholdAudit.Line> lines = HouseholdAudit.merge(byService);

        assertEquals(List.of("notification-service CUSTOMER_ERASED", "customer-service CUSTOMER_ERASED",
                        "notification-service PRINT_JOB_APPROVED", "followup-service CALL_COMPLETED",
                        "customer-service CUSTOMER_REGISTERED"),
                lines.stream().map(line -> line.service() + " " + line.action()).toList());
        assertEquals("taskId: t-1, outcome: REACHED", lines.get(3).details(), "empty values are left out");
        assertEquals("printJobId: j-7, households: 3", lines.get(2).details());
        assertEquals("sam", lines.get(3).actor());
    }

    private static AuditClient.Entry entry(long id, String at, String actor, String action, String details) throws IOException {
        return new AuditClient.Entry(id, Instant.parse(at), actor, action, HOUSEHOLD, JSON.readTree(details), null);
    }
}
