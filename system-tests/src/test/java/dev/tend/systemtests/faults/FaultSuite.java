package dev.tend.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tend.contracts.Events;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.faults.LoadDriver.DrivenVisit;
import dev.tend.systemtests.poison.DeadLetters;
import dev.tend.systemtests.poison.DeadLetters.DeadLetter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Issue #7's fault-injection suite: a steady stream of visits through a system of its own while faults are
 * injected one at a time, each fault on its own first and then chosen at random; then an account of every
 * acknowledged visit's tasks and messages. See {@link FaultInjectionIT} for how it runs.
 */
final class FaultSuite implements AutoCloseable {

    static final String PLAYBOOK_KEY = "fault-suite";
    /** Each visit plans these steps, each due at once and sent on one channel, so what to expect is known. */
    static final List<String> STEPS = List.of("email", "sms", "postcard");
    /** The provider's answer is given up after this long; the stand-in's "timeout" fault answers later still. */
    static final Duration SMS_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofSeconds(2);

    /**
     * @param holdScale  how long held faults last: 1 in full mode (broker and providers 30 s), lower in CI
     * @param randomRounds rounds after each fault on its own, each a fault picked with {@code seed}
     */
    record Settings(String mode, long seed, int randomRounds, double visitsPerSecond, Duration brokerHold,
                    Duration providerHold, Duration postgresHold, Duration leadIn) {

        static Settings ci(long seed) {
            return new Settings("ci", seed, 0, 1.0, Duration.ofSeconds(10), Duration.ofSeconds(10),
                    Duration.ofSeconds(3), Duration.ofSeconds(4));
        }

        static Settings full(long seed, int rounds) {
            return new Settings("full", seed, rounds, 1.0, Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(10), Duration.ofSeconds(5));
        }

        Duration hold(Fault fault) {
            return switch (fault) {
                case BROKER_STOPPED -> brokerHold;
                case POSTGRES_RESTARTED -> postgresHold;
                case SMS_ANSWERS_500, SMS_TIMES_OUT, SMTP_DOWN -> providerHold;
                default -> Duration.ZERO;
            };
        }
    }

    /** One fault injected and recovered from; drained when every visit started before recovery was delivered. */
    record Round(int number, Fault fault, Duration outage, Duration drain, Duration budget, boolean drained,
                 int visitsInBacklog) {
        boolean withinBudget() {
            return drained && drain.compareTo(budget) <= 0;
        }
    }

    private final Settings settings;
    private final TendSystem system;
    private final Path workDir;
    private final LoadDriver driver;
    private final Deliveries deliveries;
    private final ServiceMetrics metrics;
    private final List<Round> rounds = new ArrayList<>();
    private final Instant startedAt = Instant.now();

    private FaultSuite(Settings settings, TendSystem system, Path workDir) {
        this.settings = settings;
        this.system = system;
        this.workDir = workDir;
        String run = Long.toString(settings.seed() & 0xffff, 36);
        this.driver = new LoadDriver(() -> system.customerService().baseUrl(), run, settings.visitsPerSecond());
        this.deliveries = new Deliveries(system);
        this.metrics = new ServiceMetrics(system.services());
    }

    static FaultSuite start(Settings settings, Path projectRoot) {
        Path workDir = projectRoot.resolve("system-tests/target/fault-suite-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        TendSystem system = TendSystem.start(TendSystem.Options.forTests(projectRoot, workDir).withServiceProperties(Map.of(
                // Cards fire on the day their step names, and go to the print folder within seconds.
                "tend.followup.mailing-lead-days", "0",
                "tend.notification.print.cut-off-interval", "5s",
                // A killed dispatcher's attempts (and print jobs) are taken over after this long, not the default 2 min.
                "tend.notification.dispatcher.in-flight-timeout", "30s",
                "tend.notification.sms.timeout", SMS_TIMEOUT.toSeconds() + "s")));
        FaultSuite suite = new FaultSuite(settings, system, workDir);
        try {
            suite.installPlaybook();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** Each fault on its own, then the random rounds; then waits for everything to settle. */
    Accounting run() {
        say("Fault suite: mode %s, seed %d (replay with -Dtend.faults.seed=%d), %d random rounds, "
                        + "logs in %s%n", settings.mode(), settings.seed(), settings.seed(), settings.randomRounds(),
                workDir);
        driver.start();
        idle(settings.leadIn().multipliedBy(2));
        for (Fault fault : Fault.values()) {
            round(fault, settings.hold(fault), settings.leadIn());
        }
        Random random = new Random(settings.seed());
        for (int i = 0; i < settings.randomRounds(); i++) {
            Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
            // Held faults last between a third of and their whole full-length hold; the load runs 2-10 s first.
            Duration full = settings.hold(fault);
            Duration hold = full.isZero() ? full : Duration.ofMillis(full.toMillis() / 3
                    + (long) (random.nextDouble() * (full.toMillis() * 2 / 3)));
            round(fault, hold, Duration.ofMillis(2000 + random.nextInt(8000)));
        }
        driver.stopStarting();
        return settle();
    }

    private void round(Fault fault, Duration hold, Duration leadIn) {
        idle(leadIn);
        metrics.scrapeAll();
        Instant start = Instant.now();
        say("Round %d: %s%s%n", rounds.size() + 1, fault.description,
                fault.isHeld() ? " for " + hold.toSeconds() + " s" : "");
        fault.inject(system, hold, metrics, SMS_TIMEOUT);
        Instant recovered = Instant.now();
        Duration outage = Duration.between(start, recovered);
        Duration budget = outage.multipliedBy(2).plusSeconds(30);
        // The backlog: every visit started before recovery, and so caught in the fault or queued behind it.
        boolean drained = awaitUntil(budget.plus(LoadDriver.RETRY_FOR), () -> backlogDelivered(recovered));
        Duration drain = Duration.between(recovered, Instant.now());
        int backlog = (int) driver.visits().stream().filter(v -> v.startedAt.isBefore(recovered)).count();
        Round round = new Round(rounds.size() + 1, fault, outage, drain, budget, drained, backlog);
        rounds.add(round);
        say("Round %d: %s, outage %d s, drained in %d s (budget %d s)%s%n", round.number(),
                fault.description, outage.toSeconds(), drain.toSeconds(), budget.toSeconds(),
                round.withinBudget() ? "" : drained ? " OVER BUDGET" : " NOT DRAINED, still missing: " + missing(recovered));
    }

    /** The first few acknowledged visits of the backlog that lack a message, and which: for a diagnosis. */
    private List<String> missing(Instant recovered) {
        Deliveries.Snapshot now = deliveries.snapshot();
        return driver.visits().stream()
                .filter(v -> v.startedAt.isBefore(recovered) && v.acknowledged())
                .filter(v -> now.emailsTo(v.email) == 0 || now.smsTo(v.phone) == 0 || now.postcardsFor(v.customerId) == 0)
                .limit(5)
                .map(v -> "visit " + v.number + " (customer " + v.customerId + "):"
                        + (now.emailsTo(v.email) == 0 ? " email" : "") + (now.smsTo(v.phone) == 0 ? " sms" : "")
                        + (now.postcardsFor(v.customerId) == 0 ? " postcard" : ""))
                .toList();
    }

    private boolean backlogDelivered(Instant recovered) {
        if (!driver.allSettledBefore(recovered)) {
            return false;
        }
        Deliveries.Snapshot now = deliveries.snapshot();
        return driver.visits().stream()
                .filter(v -> v.startedAt.isBefore(recovered) && v.acknowledged())
                .allMatch(v -> now.emailsTo(v.email) > 0 && now.smsTo(v.phone) > 0 && now.postcardsFor(v.customerId) > 0);
    }

    /**
     * Waits until every visit settled and every acknowledged one was delivered, then until nothing is left in
     * flight anywhere (so a late resend has had its chance to show up as a duplicate), then counts.
     */
    private Accounting settle() {
        Instant lastStarted = Instant.now();
        awaitUntil(LoadDriver.RETRY_FOR.plusSeconds(30), () -> driver.allSettledBefore(lastStarted.plusSeconds(1)));
        awaitUntil(Duration.ofMinutes(5), () -> backlogDelivered(lastStarted.plusSeconds(1)));
        awaitUntil(Duration.ofMinutes(3), this::nothingInFlight);
        // Anything reconciled or resent after a kill had the in-flight timeout to show up; give a stray one more.
        idle(Duration.ofSeconds(10));
        metrics.scrapeAll();
        List<DeadLetter> deadLetters;
        try (DeadLetters reader = new DeadLetters(system.kafka().bootstrapServers(), true)) {
            deadLetters = reader.all();
        }
        return Accounting.of(settings, rounds, driver.visits(), deliveries.snapshot(), this::tasksOf, metrics,
                deadLetters, Duration.between(startedAt, Instant.now()));
    }

    private boolean nothingInFlight() {
        for (String status : List.of("PENDING", "SENDING", "PRINTING")) {
            try {
                Http.Answer answer = Http.get(system.notificationService().baseUrl() + "/notifications?size=1&status="
                        + status);
                if (!answer.is2xx() || answer.body().size() > 0) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private JsonNode tasksOf(DrivenVisit visit) {
        try {
            Http.Answer answer = Http.get(system.followupService().baseUrl() + "/customers/" + visit.customerId + "/tasks");
            if (!answer.is2xx()) {
                throw new IllegalStateException("tasks of " + visit.customerId + ": " + answer.status());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The default playbook goes off in this system; the suite's own plans one message per channel, due at once. */
    private void installPlaybook() {
        try {
            String followup = system.followupService().baseUrl();
            JsonNode current = Http.get(followup + "/playbooks/default-veterinary").body().path("definition");
            ObjectNode disabled = current.deepCopy();
            disabled.put("enabled", false);
            require(Http.put(followup + "/playbooks/default-veterinary", disabled), "disable the default playbook");
            String document = """
                    { "key": "%s", "name": "Fault suite: one message per channel, due at once", "enabled": true,
                      "rules": [ { "key": "every-channel", "trigger": { "event": "VISIT_RECORDED" }, "steps": [
                        { "key": "email", "channels": ["EMAIL"], "templateKey": "visit-thank-you", "priority": "CLINICAL",
                          "timing": { "anchor": "EVENT", "window": "ANY" } },
                        { "key": "sms", "channels": ["SMS"], "templateKey": "feedback-request", "priority": "CLINICAL",
                          "timing": { "anchor": "EVENT", "window": "ANY" } },
                        { "key": "postcard", "channels": ["POST"], "templateKey": "recheck-postcard", "priority": "CLINICAL",
                          "timing": { "anchor": "EVENT", "window": "ANY" } } ] } ] }""".formatted(PLAYBOOK_KEY);
            require(Http.post(followup + "/playbooks", Events.mapper().readTree(document), Map.of()),
                    "install the fault-suite playbook");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(Http.Answer answer, String what) {
        if (!answer.is2xx()) {
            throw new IllegalStateException("Could not " + what + ": " + answer.status() + " " + answer.body());
        }
    }

    private boolean awaitUntil(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        int polls = 0;
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (++polls % 5 == 0) {
                metrics.scrapeAll();
            }
            idle(POLL);
        }
        return condition.getAsBoolean();
    }

    /** Failsafe keeps a test's output until it ends: progress also goes to a file in the work dir, to follow a long run. */
    private void say(String format, Object... args) {
        String line = Instant.now() + " " + String.format(format, args);
        System.out.print(line);
        try {
            Files.writeString(workDir.resolve("progress.log"), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void idle(Duration duration) {
        Fault.idle(duration);
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        driver.close();
        system.close();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
