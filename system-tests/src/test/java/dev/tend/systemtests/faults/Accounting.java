package dev.tend.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.systemtests.faults.FaultSuite.Round;
import dev.tend.systemtests.faults.LoadDriver.DrivenVisit;
import dev.tend.systemtests.poison.DeadLetters.DeadLetter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The account of a run: every acknowledged visit must have its three tasks, fired, and its three messages, each
 * delivered exactly once; a visit that was never acknowledged may have produced one set at most.
 */
record Accounting(FaultSuite.Settings settings, List<Round> rounds, int attempted, int acknowledged,
                  int notAcknowledged, int notAcknowledgedWithMessages, List<Line> lines,
                  List<String> problems, Map<String, Long> redeliveries, Map<String, Long> retriedInPlace,
                  Map<String, Long> deadLettered, Map<String, Long> reconciledFound, Map<String, Long> reconciledResent,
                  Map<String, Long> ambiguous, Map<String, Long> providerRetries, Duration took) {

    /** One row: what was expected on a channel (or of tasks) and what the outside world saw. */
    record Line(String what, int expected, int delivered, int lost, int duplicates) {
    }

    static Accounting of(FaultSuite.Settings settings, List<Round> rounds, List<DrivenVisit> visits,
                         Deliveries.Snapshot seen, Function<DrivenVisit, JsonNode> tasksOf, ServiceMetrics metrics,
                         List<DeadLetter> deadLetters, Duration took) {
        List<String> problems = new ArrayList<>();
        List<DrivenVisit> acknowledged = visits.stream().filter(DrivenVisit::acknowledged).toList();
        List<DrivenVisit> others = visits.stream().filter(v -> !v.acknowledged()).toList();
        Line email = channel("EMAIL", acknowledged, v -> seen.emailsTo(v.email), problems);
        Line sms = channel("SMS", acknowledged, v -> seen.smsTo(v.phone), problems);
        Line post = channel("POST (print jobs)", acknowledged, v -> seen.postcardsFor(v.customerId), problems);
        Line tasks = tasks(acknowledged, tasksOf, problems);

        int withMessages = 0;
        for (DrivenVisit visit : others) {
            int most = Math.max(seen.emailsTo(visit.email), Math.max(seen.smsTo(visit.phone), seen.postcardsFor(visit.customerId)));
            if (most > 0) {
                withMessages++;
            }
            if (most > 1) {
                problems.add("visit " + visit.number + " was never acknowledged yet produced " + most + " sets of messages");
            }
        }
        Set<String> known = new HashSet<>();
        visits.forEach(v -> known.add(v.email));
        seen.emails().keySet().stream().filter(a -> !known.contains(a))
                .forEach(a -> problems.add("mail to an address no visit had: " + a));
        seen.emailMessageIds().forEach((id, count) -> {
            if (count > 1) {
                problems.add("Message-ID " + id + " delivered " + count + " times (a resend the receiving side must drop)");
            }
        });
        for (Round round : rounds) {
            if (!round.withinBudget()) {
                problems.add("round " + round.number() + " (" + round.fault().description + ") "
                        + (round.drained() ? "drained in " + round.drain().toSeconds() + " s, over its budget of "
                        + round.budget().toSeconds() + " s" : "did not drain"));
            }
        }
        Map<String, Long> deadLettered = metrics.total("tend_events_consumed_total", "outcome=\"dead-lettered\"");
        deadLettered.forEach((service, count) -> {
            if (count > 0) {
                problems.add(service + " dead-lettered " + count + " records");
            }
        });
        // The reason and cause the dead-letter strategy wrote, so a failed run explains itself.
        deadLetters.forEach(d -> problems.add("dead letter from " + d.sourceTopic() + " (key " + d.key() + "): "
                + d.reason() + (d.cause() == null ? "" : " / cause: " + d.cause())));
        return new Accounting(settings, rounds, visits.size(), acknowledged.size(), others.size(), withMessages,
                List.of(tasks, email, sms, post), problems,
                metrics.total("tend_events_consumed_total", "outcome=\"duplicate\""),
                metrics.total("tend_events_consumed_total", "outcome=\"retried\""), deadLettered,
                metrics.total("tend_notification_reconciled_total", "outcome=\"found\""),
                metrics.total("tend_notification_reconciled_total", "outcome=\"resent\""),
                metrics.total("tend_notification_ambiguous_total"),
                metrics.total("tend_notification_retries_total"), took);
    }

    private static Line channel(String name, List<DrivenVisit> visits, Function<DrivenVisit, Integer> count,
                                List<String> problems) {
        int delivered = 0;
        int lost = 0;
        int duplicates = 0;
        for (DrivenVisit visit : visits) {
            int n = count.apply(visit);
            delivered += n;
            if (n == 0) {
                lost++;
                problems.add(name + " lost for visit " + visit.number + " (customer " + visit.customerId + ")");
            } else if (n > 1) {
                duplicates += n - 1;
                problems.add(name + " delivered " + n + " times for visit " + visit.number + " (customer "
                        + visit.customerId + ")");
            }
        }
        return new Line(name, visits.size(), delivered, lost, duplicates);
    }

    private static Line tasks(List<DrivenVisit> visits, Function<DrivenVisit, JsonNode> tasksOf, List<String> problems) {
        int expected = visits.size() * FaultSuite.STEPS.size();
        int found = 0;
        int lost = 0;
        int duplicates = 0;
        for (DrivenVisit visit : visits) {
            List<String> steps = new ArrayList<>();
            for (JsonNode task : tasksOf.apply(visit)) {
                if (!FaultSuite.PLAYBOOK_KEY.equals(task.path("playbookKey").asText())) {
                    problems.add("visit " + visit.number + " has a task of another playbook: " + task);
                    continue;
                }
                steps.add(task.path("rule").asText());
                found++;
                if (!"FIRED".equals(task.path("status").asText()) || !"SENT".equals(task.path("deliveryStatus").asText())) {
                    problems.add("visit " + visit.number + " task " + task.path("id").asText() + " is "
                            + task.path("status").asText() + "/" + task.path("deliveryStatus").asText() + ": "
                            + task.path("statusReason").asText());
                }
            }
            int distinct = new HashSet<>(steps).size();
            if (distinct < FaultSuite.STEPS.size()) {
                lost += FaultSuite.STEPS.size() - distinct;
                problems.add("visit " + visit.number + " has tasks " + steps);
            }
            duplicates += steps.size() - distinct;
        }
        return new Line("tasks (followup-service)", expected, found, lost, duplicates);
    }

    boolean clean() {
        return problems.isEmpty();
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Fault-injection accounting: mode %s, seed %d, %d rounds (%d random), %d min %02d s%n",
                settings.mode(), settings.seed(), rounds.size(), settings.randomRounds(), took.toMinutes(),
                took.toSecondsPart()));
        out.append(String.format("%n| # | fault | outage | drained in | budget (2 × outage + 30 s) | visits in backlog |%n"));
        out.append("|---|---|---|---|---|---|\n");
        for (Round round : rounds) {
            out.append(String.format("| %d | %s | %d s | %s | %d s | %d |%n", round.number(), round.fault().description,
                    round.outage().toSeconds(), round.drained() ? round.drain().toSeconds() + " s" : "not drained",
                    round.budget().toSeconds(), round.visitsInBacklog()));
        }
        out.append(String.format("%nVisits: %d posted, %d acknowledged (201), %d not acknowledged (%d of them produced messages, "
                + "at most one set each is allowed)%n", attempted, acknowledged, notAcknowledged, notAcknowledgedWithMessages));
        out.append(String.format("%n| what | expected | delivered | lost | duplicates |%n|---|---|---|---|---|%n"));
        for (Line line : lines) {
            out.append(String.format("| %s | %d | %d | %d | %d |%n", line.what(), line.expected(), line.delivered(),
                    line.lost(), line.duplicates()));
        }
        out.append(String.format("%nKafka-level redeliveries (records skipped as already processed, not failures): %s%n",
                redeliveries));
        out.append(String.format("Consumer retries in place (transient failures): %s; dead-lettered: %s%n",
                retriedInPlace, deadLettered));
        out.append(String.format("notification-service: provider retries %s, ambiguous attempts %s, reconciled as found %s, "
                + "resent after reconciling %s%n", providerRetries.get("notification-service"),
                ambiguous.get("notification-service"), reconciledFound.get("notification-service"),
                reconciledResent.get("notification-service")));
        out.append("(metrics are scraped before each kill and carried over, so they are lower bounds)\n");
        out.append(problems.isEmpty() ? "\nNo problems.\n" : "\nProblems (" + problems.size() + "):\n  - "
                + String.join("\n  - ", problems.subList(0, Math.min(50, problems.size()))) + "\n");
        return out.toString();
    }
}
