package dev.tend.benchmarks;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.TendSystem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole way from {@code POST /visits} to a message at the SMTP catcher, for the default playbook's thank-you
 * step, which is due at once: customer-service, its outbox, Kafka, followup-service's planning and firing, its
 * outbox, Kafka, notification-service's sending.
 */
final class PipelineBenchmark {

    /**
     * Write transactions one visit takes on its way to a sent email: the visit (customer-service); planning its
     * steps, firing the thank-you, recording its delivery (followup-service); accepting the request, the attempt
     * recorded before the SMTP call, its result (notification-service). Outbox deletions are batched and not counted.
     */
    static final int COMMITS_PER_VISIT = 7;
    private static final Pattern MARKER = Pattern.compile("pipeline-check ([0-9a-f-]{36})");

    record Result(double pipelineRate, double baselineRate, long visits, long lost, Latencies at50, double rateAt50) {

        /** What the database allows if each visit needs {@link #COMMITS_PER_VISIT} commits like the baseline's. */
        double commitBound() {
            return baselineRate / COMMITS_PER_VISIT;
        }

        double ratio() {
            return pipelineRate / commitBound();
        }
    }

    private final TendSystem system;
    private final Settings settings;
    private final List<String> customers = new ArrayList<>();
    private final Map<String, Instant> delivered = new ConcurrentHashMap<>();
    private final Set<String> seenMail = new HashSet<>();

    PipelineBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    Result run() throws Exception {
        for (int i = 0; i < settings.customers(); i++) {
            customers.add(Http.id(Http.post(system.customerService().baseUrl() + "/customers",
                    "{\"name\":\"Pipeline Customer " + i + "\",\"emails\":[\"pipeline" + i + "@example.com\"],"
                            + "\"timezone\":\"Europe/London\",\"locale\":\"en-GB\","
                            + "\"consents\":[{\"channel\":\"EMAIL\",\"granted\":true}]}").body()));
        }
        Quiet.await(system, Duration.ofMinutes(3));
        JdbcVisitBaseline baseline = new JdbcVisitBaseline(system, customers);
        sustained(Duration.ofSeconds(3));
        double[] pipeline = new double[settings.runs()];
        double[] reference = new double[settings.runs()];
        long visits = 0;
        long lost = 0;
        for (int run = 0; run < settings.runs(); run++) {
            reference[run] = LoadGenerator.closedLoop(settings.concurrency(), settings.measure(), baseline).perSecond();
            Quiet.await(system, Duration.ofMinutes(3));
            Sustained result = sustained(settings.measure());
            pipeline[run] = result.rate();
            visits += result.visits();
            lost += result.lost();
        }
        double rate = Latencies.median(pipeline);
        double halfRate = Math.max(1, rate / 2);
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        LoadGenerator.openLoop(halfRate, settings.measure(), () -> postVisit(posted));
        awaitDelivery(posted.keySet(), Duration.ofMinutes(3));
        List<Long> latencies = new ArrayList<>();
        posted.forEach((marker, at) -> {
            Instant arrived = delivered.get(marker);
            if (arrived != null) {
                latencies.add(Duration.between(at, arrived).toNanos());
            }
        });
        lost += posted.size() - latencies.size();
        return new Result(rate, Latencies.median(reference), visits + posted.size(), lost, new Latencies(latencies), halfRate);
    }

    private record Sustained(double rate, long visits, long lost) {
    }

    /** As many visits as the callers can post for {@code duration}; the rate is visits over first post to last email. */
    private Sustained sustained(Duration duration) throws Exception {
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        LoadGenerator.closedLoop(settings.concurrency(), duration, () -> postVisit(posted));
        awaitDelivery(posted.keySet(), Duration.ofMinutes(5));
        Instant last = posted.keySet().stream().map(delivered::get).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.now());
        long arrived = posted.keySet().stream().filter(delivered::containsKey).count();
        return new Sustained(arrived / Math.max(0.001, Duration.between(start, last).toNanos() / 1e9), posted.size(),
                posted.size() - arrived);
    }

    private boolean postVisit(Map<String, Instant> posted) throws Exception {
        String marker = UUID.randomUUID().toString();
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        Instant at = Instant.now();
        boolean created = Http.post(system.customerService().baseUrl() + "/visits",
                "{\"customerId\":\"" + customer + "\",\"visitType\":\"wellness\",\"reason\":\"pipeline-check " + marker + "\","
                        + "\"staffMember\":\"Dr. Bench\",\"visitedAt\":\"" + at.minusSeconds(60) + "\"}").statusCode() == 201;
        if (created) {
            posted.put(marker, at);
        }
        return created;
    }

    /** Reads the catcher until every marker's thank-you arrived, or {@code atMost} passed (the rest count as lost). */
    private void awaitDelivery(Set<String> markers, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            for (CaughtMail mail : system.mailCatcher().messages()) {
                if (seenMail.add(mail.messageId()) && mail.textBody() != null) {
                    Matcher marker = MARKER.matcher(mail.textBody());
                    if (marker.find()) {
                        delivered.putIfAbsent(marker.group(1), mail.receivedAt());
                    }
                }
            }
            if (delivered.keySet().containsAll(markers)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
