package dev.tend.console.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.console.security.CurrentStaff;
import dev.tend.console.security.ServiceTokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A household's audit trail, merged from the three services, newest first: "who did what" on the household page. */
@ApplicationScoped
public class HouseholdAudit {

    /** One line of the merged trail; {@code details} already reads as text ({@code taskId: …, outcome: REACHED}). */
    public record Line(Instant at, String service, String actor, String action, String details) {
    }

    /** The lines that could be read, and the services that could not be asked (shown as such, not hidden). */
    public record Trail(List<Line> lines, List<String> unavailable) {
    }

    private static final int PER_SERVICE = 100;
    private static final List<String> SERVICES = List.of("customer", "followup", "notification");

    private final ServiceTokens tokens;
    private final CurrentStaff staff;
    private final Map<String, AuditClient> clients = new LinkedHashMap<>();

    public HouseholdAudit(ServiceTokens tokens, CurrentStaff staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    /** The three services are asked at once; one that fails or does not answer is named in {@code unavailable}. */
    public Trail of(UUID customerId) {
        String authorization = "Bearer " + tokens.forCurrent(staff);
        Map<String, CompletableFuture<AuditClient.EntryPage>> asked = new LinkedHashMap<>();
        for (String service : SERVICES) {
            try {
                asked.put(service, client(service).household(authorization, customerId, PER_SERVICE).toCompletableFuture());
            } catch (RuntimeException e) {
                asked.put(service, CompletableFuture.failedFuture(e));
            }
        }
        Map<String, List<AuditClient.Entry>> entries = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<AuditClient.EntryPage>> answer : asked.entrySet()) {
            try {
                entries.put(answer.getKey(), answer.getValue().get().items());
            } catch (ExecutionException e) {
                unavailable.add(answer.getKey() + "-service");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable.add(answer.getKey() + "-service");
            }
        }
        return new Trail(merge(entries), unavailable);
    }

    /** Every service's entries as one list, newest first. */
    static List<Line> merge(Map<String, List<AuditClient.Entry>> byService) {
        List<Line> lines = new ArrayList<>();
        byService.forEach((service, entries) -> entries.forEach(entry -> lines.add(new Line(entry.at(), service + "-service",
                entry.actor(), entry.action(), describe(entry.details())))));
        lines.sort(Comparator.comparing(Line::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return lines;
    }

    static String describe(JsonNode details) {
        if (details == null || !details.isObject()) {
            return "";
        }
        StringJoiner text = new StringJoiner(", ");
        for (Iterator<Map.Entry<String, JsonNode>> fields = details.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().asText().isEmpty()) {
                text.add(field.getKey() + ": " + field.getValue().asText());
            }
        }
        return text.toString();
    }

    private synchronized AuditClient client(String service) {
        return clients.computeIfAbsent(service, name -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client." + name + ".url", String.class)))
                .build(AuditClient.class));
    }
}
