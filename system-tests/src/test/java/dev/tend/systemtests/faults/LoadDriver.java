package dev.tend.systemtests.faults;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Posts visits at a steady rate, each for a household of its own registered just before it, as a practice system
 * would: with an Idempotency-Key per request, retried with the same key and body while the answer is an error or
 * never comes, for up to {@link #RETRY_FOR}. A visit is acknowledged when its POST was answered 201.
 */
final class LoadDriver implements AutoCloseable {

    /** How long one request is retried before the visit is given up as not acknowledged. */
    static final Duration RETRY_FOR = Duration.ofSeconds(120);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    enum State { IN_FLIGHT, ACKNOWLEDGED, NOT_ACKNOWLEDGED }

    /** One visit the driver tried to record, and what it knows of it. */
    static final class DrivenVisit {
        final int number;
        final String name;
        final String email;
        final String phone;
        final Instant startedAt = Instant.now();
        volatile String customerId;
        volatile String visitId;
        volatile State state = State.IN_FLIGHT;
        volatile Instant settledAt;
        volatile int retries;
        volatile String lastError;

        DrivenVisit(String run, int number) {
            this.number = number;
            this.name = "Fault " + run + " " + String.format("%06d", number);
            this.email = "fault-" + run + "-" + number + "@example.com";
            // The 201 area's 55x exchanges: valid North American numbers, one per visit.
            this.phone = "+1201" + (5500000 + number);
        }

        boolean acknowledged() {
            return state == State.ACKNOWLEDGED;
        }
    }

    private final Supplier<String> customerServiceUrl;
    private final String run;
    private final Duration interval;
    private final List<DrivenVisit> visits = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    // Enough workers for every visit of a long outage to wait on its retries at once, so the stream stays steady.
    private final ExecutorService workers = Executors.newFixedThreadPool(64);

    LoadDriver(Supplier<String> customerServiceUrl, String run, double visitsPerSecond) {
        this.customerServiceUrl = customerServiceUrl;
        this.run = run;
        this.interval = Duration.ofNanos((long) (1_000_000_000L / visitsPerSecond));
    }

    void start() {
        ticker.scheduleAtFixedRate(() -> {
            DrivenVisit visit = new DrivenVisit(run, sequence.incrementAndGet());
            visits.add(visit);
            workers.submit(() -> drive(visit));
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops starting visits; the ones under way go on until they are acknowledged or given up. */
    void stopStarting() {
        ticker.shutdownNow();
    }

    List<DrivenVisit> visits() {
        return new ArrayList<>(visits);
    }

    /** Visits started before {@code moment}, once every one of them has settled (acknowledged or given up). */
    boolean allSettledBefore(Instant moment) {
        return visits.stream().filter(v -> v.startedAt.isBefore(moment)).noneMatch(v -> v.state == State.IN_FLIGHT);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    private void drive(DrivenVisit visit) {
        Instant giveUpAt = Instant.now().plus(RETRY_FOR);
        Map<String, Object> customer = Map.of(
                "name", visit.name,
                "emails", List.of(visit.email),
                "phones", List.of(visit.phone),
                "postalAddress", Map.of("line1", visit.number + " Fault Lane", "city", "Hoboken", "region", "NJ",
                        "postalCode", "07030", "country", "US"),
                "timezone", "America/New_York",
                "locale", "en-US",
                "consents", List.of(consent("EMAIL"), consent("SMS"), consent("POST"), consent("PHONE")));
        Http.Answer created = postUntilAnswered("/customers", customer, "fault-customer-" + run + "-" + visit.number,
                visit, giveUpAt);
        if (created == null) {
            settle(visit, State.NOT_ACKNOWLEDGED);
            return;
        }
        visit.customerId = created.body().path("id").asText();
        Map<String, Object> body = Map.of(
                "customerId", visit.customerId,
                "visitType", "wellness",
                "reason", "a fault-suite check-up",
                "staffMember", "Dr. Jepsen",
                "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString());
        Http.Answer recorded = postUntilAnswered("/visits", body, "fault-visit-" + run + "-" + visit.number, visit,
                giveUpAt);
        if (recorded == null) {
            settle(visit, State.NOT_ACKNOWLEDGED);
            return;
        }
        visit.visitId = recorded.body().path("id").asText();
        settle(visit, State.ACKNOWLEDGED);
    }

    private static Map<String, Object> consent(String channel) {
        return Map.of("channel", channel, "granted", true);
    }

    /** The 201, or null once retrying stopped making sense (given up, or an answer retrying cannot change). */
    private Http.Answer postUntilAnswered(String path, Map<String, Object> body, String key, DrivenVisit visit,
                                          Instant giveUpAt) {
        String json = Http.json(body);
        while (true) {
            try {
                Http.Answer answer = Http.post(customerServiceUrl.get() + path, json, Map.of("Idempotency-Key", key));
                if (answer.status() == 201) {
                    return answer;
                }
                visit.lastError = path + " answered " + answer.status() + " " + answer.body();
                if (answer.status() < 500 && answer.status() != 409 && answer.status() != 429) {
                    return null;
                }
            } catch (IOException e) {
                visit.lastError = path + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                visit.lastError = path + ": interrupted";
                return null;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                return null;
            }
            visit.retries++;
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static void settle(DrivenVisit visit, State state) {
        visit.settledAt = Instant.now();
        visit.state = state;
    }
}
