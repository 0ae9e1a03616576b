package dev.tend.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** BENCHMARKS.md: the machine, each figure beside its baseline, the ratio and the target it is held to. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report(Settings settings) throws IOException {
        text.append("# Tend benchmarks\n\n")
                .append("Measured ").append(Instant.now()).append(settings.quick() ? " (quick smoke run: the figures mean nothing)" : "")
                .append(" by `./tend bench`. Each figure is the median of ").append(settings.runs())
                .append(" runs interleaved with its baseline's, on the same machine, broker and database.\n\n")
                .append("## Machine\n\n")
                .append("| | |\n|---|---|\n")
                .append("| CPU | ").append(cpu()).append(" (").append(Runtime.getRuntime().availableProcessors()).append(" cores) |\n")
                .append("| memory | ").append(memory()).append(" |\n")
                .append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(" |\n")
                .append("| PostgreSQL, Kafka | 17.11 and 4.1.2, on this machine, started from Maven artifacts |\n\n");
    }

    void ingest(IngestBenchmark.Result result, Settings settings) {
        text.append("## Ingest: `POST /visits`\n\n")
                .append(String.format(Locale.ROOT, "Closed loop, %d callers, %d s per run; followup- and notification-service "
                        + "paused, as the baseline's events reach no consumer.%n%n", settings.concurrency(), settings.measure().toSeconds()))
                .append("| | visits/s |\n|---|---|\n")
                .append(row("customer-service `POST /visits`", result.serviceRate()))
                .append(row("baseline: the same transaction in plain JDBC", result.baselineRate()))
                .append(String.format(Locale.ROOT, "| **ratio** | **%.2f** (target ≥ 0.60: %s) |%n%n", result.ratio(), verdict(result.ratio() >= 0.60)))
                .append(String.format(Locale.ROOT, "Open loop at 70 %% of the sustained rate (%.0f visits/s, latency from when each call was due):%n%n", result.openLoopRate()))
                .append(percentiles(result.openLoopAt70()))
                .append(String.format(Locale.ROOT, "%np99 target ≤ 25 ms: %s. Failed calls: %d.%n%n",
                        verdict(result.openLoopAt70().percentileMillis(99) <= 25), result.failures()));
    }

    void outbox(OutboxBenchmark.Result result) {
        text.append("## Outbox relay\n\n")
                .append(String.format(Locale.ROOT, "A backlog of %,d rows of %d bytes, committed at once, drained to a 6-partition topic.%n%n",
                        result.backlog(), result.recordBytes()))
                .append("| | records/s |\n|---|---|\n")
                .append(row("relay: outbox table → Kafka (acks=all, idempotent), rows deleted", result.drainRate()))
                .append(row("baseline: Kafka's ProducerPerformance, same size, acks=all, idempotent", result.kafkaRate()))
                .append(String.format(Locale.ROOT, "| **ratio** | **%.2f** |%n%n", result.ratio()))
                .append(String.format(Locale.ROOT, "Commit → visible to a consumer, one event per transaction at %d/s:%n%n", result.steadyRate()))
                .append(percentiles(result.commitToVisible())).append('\n');
    }

    void scheduler(SchedulerBenchmark.Result result) {
        double ratio = result.twoInstances() / result.dbScheduler();
        text.append("## Scheduler against db-scheduler\n\n")
                .append(String.format(Locale.ROOT, "%,d tasks due at once, on the same PostgreSQL. Tend's firing writes the task's "
                        + "timeline entry, a touch and a NotificationRequested outbox row in the claiming transaction; "
                        + "db-scheduler's task writes one row (10 threads, lock-and-fetch).%n%n", result.tasks()))
                .append("| | tasks fired/s |\n|---|---|\n")
                .append(row("followup-service, 1 instance", result.oneInstance()))
                .append(row("followup-service, 2 instances", result.twoInstances()))
                .append(row("baseline: db-scheduler", result.dbScheduler()))
                .append(String.format(Locale.ROOT, "| **ratio, 2 instances ÷ db-scheduler** | **%.2f** (target ≥ 1.0: %s) |%n%n",
                        ratio, verdict(ratio >= 1.0)))
                .append(String.format(Locale.ROOT, "Duplicate or missed firings: %d (must be 0: %s). Firing lateness with 2 instances "
                        + "(fired − due): p50 %.0f ms, p99 %.0f ms.%n%n", result.duplicates(), verdict(result.duplicates() == 0),
                        result.latenessP50Millis(), result.latenessP99Millis()));
    }

    void pipeline(PipelineBenchmark.Result result, Settings settings) {
        double p99 = result.at50().percentileMillis(99);
        text.append("## Whole pipeline, visit → email\n\n")
                .append(String.format(Locale.ROOT, "`POST /visits` to the thank-you email at the SMTP catcher (the default playbook's "
                        + "step that is due at once), through customer-service, Kafka, followup-service and notification-service. "
                        + "Sustained: %d callers post for %d s; the rate is emails over first post to last email. The reference is "
                        + "the ingest baseline's plain-JDBC commit rate (measured here, interleaved) over the %d write "
                        + "transactions a visit takes on its way to a sent email.%n%n",
                        settings.concurrency(), settings.measure().toSeconds(), PipelineBenchmark.COMMITS_PER_VISIT))
                .append("| | visits/s |\n|---|---|\n")
                .append(row("visit → email, sustained", result.pipelineRate()))
                .append(row("baseline: plain-JDBC commits/s", result.baselineRate()))
                .append(row("baseline ÷ " + PipelineBenchmark.COMMITS_PER_VISIT + " commits per visit", result.commitBound()))
                .append(String.format(Locale.ROOT, "| **ratio** | **%.2f** (target ≥ 0.70: %s) |%n%n", result.ratio(), verdict(result.ratio() >= 0.70)))
                .append(String.format(Locale.ROOT, "Visit → email latency at 50 %% of the sustained rate (%.0f visits/s, open loop):%n%n", result.rateAt50()))
                .append(percentiles(result.at50()))
                .append(String.format(Locale.ROOT, "%np99 target ≤ 1 s: %s. Visits acknowledged: %,d; without an email after 3–5 minutes: %d.%n%n",
                        verdict(p99 <= 1000), result.visits(), result.lost()));
    }

    void scale(ScaleBenchmark.Result result) {
        text.append("## Scale: the scheduler with 10,000 and with 1,000,000 pending tasks\n\n")
                .append("One instance fires the same due tasks while the rest of the pending tasks are due over the next 90 days. "
                        + "The rate is watched from outside: from the first task seen fired until none is left due. The claim query's time is "
                        + "the median of 5 `EXPLAIN ANALYZE` runs before firing, each rolled back.\n\n")
                .append("| pending tasks | of which due | fired/s | claim query |\n|---|---|---|---|\n");
        for (ScaleBenchmark.Size size : result.sizes()) {
            text.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %.2f ms |%n", size.pending(), size.due(), size.fireRate(), size.claimMillis()));
        }
        ScaleBenchmark.Size small = result.sizes().get(0);
        ScaleBenchmark.Size large = result.sizes().get(result.sizes().size() - 1);
        double ratio = large.fireRate() / small.fireRate();
        text.append(String.format(Locale.ROOT, "| **ratio, largest ÷ smallest** | | **%.2f** (target ≥ 0.80: %s) | |%n%n", ratio, verdict(ratio >= 0.8)))
                .append(String.format(Locale.ROOT, "The claim's plan with %,d pending:%n%n```%n", large.pending()))
                .append(String.join("\n", large.plan())).append("\n```\n\n");
    }

    void listening(ListeningBenchmark.Result result) {
        double p99 = result.inboundToWorklist().percentileMillis(99);
        text.append("## Listening, inbound text → worklist\n\n")
                .append(String.format(Locale.ROOT, "%,d texts from known households' numbers at a steady %.1f/s, each through the SMS "
                        + "stand-in's signed inbound webhook, timed until its reply item is on `GET /worklist` (read every 100 ms):%n%n",
                        result.texts(), result.perSecond()))
                .append(String.format(Locale.ROOT, "| samples | p50 | p95 | p99 |%n|---|---|---|---|%n| %,d | %.1f ms | %.1f ms | %.1f ms |%n",
                        result.inboundToWorklist().count(), result.inboundToWorklist().percentileMillis(50),
                        result.inboundToWorklist().percentileMillis(95), p99))
                .append(String.format(Locale.ROOT, "%np99 target ≤ 2 s: %s. Texts the webhook refused: %d; not on the worklist after 3 minutes: %d.%n%n",
                        verdict(p99 <= 2000), result.refused(), result.lost()));
    }

    void console(ConsoleBenchmark.Result result) {
        text.append("## Staff console, page render times\n\n")
                .append(String.format(Locale.ROOT, "A worklist of %,d items (feedback-resolution calls and texted replies, %,d listed "
                        + "on Today, which shows them 25 a page: every page still reads the whole worklist), each page requested %d times one after another by a signed-in admin after %d warm-up "
                        + "requests, timed from the request to the last byte on loopback (the console's calls to the services and "
                        + "its Qute rendering):%n%n", result.worklistItems(), result.listed(), result.requestsPerPage(), 3))
                .append("| page | size (KB) | p50 | p95 | max | under 300 ms |\n|---|---|---|---|---|---|\n");
        for (ConsoleBenchmark.PageTimes page : result.pages()) {
            double max = page.latencies().percentileMillis(100);
            text.append(String.format(Locale.ROOT, "| %s `%s` | %,.0f | %.1f ms | %.1f ms | %.1f ms | %s |%n", page.page(),
                    page.path(), page.bytes() / 1024.0, page.latencies().percentileMillis(50),
                    page.latencies().percentileMillis(95), max, verdict(page.latencies().percentileMillis(95) < 300)));
        }
        text.append("\nTarget: every page under 300 ms (judged on p95) with 200 worklist items.\n\n");
    }

    void footprint(List<FootprintBenchmark.Result> results) {
        text.append("## Footprint\n\n")
                .append("| service | process start → first answer (s) | RSS after the load above (MB) |\n|---|---|---|\n");
        for (FootprintBenchmark.Result result : results) {
            text.append(String.format(Locale.ROOT, "| %s | %.2f (≤ 2 s: %s) | %d (≤ 200 MB: %s) |%n", result.service(),
                    result.firstAnswerSeconds(), verdict(result.firstAnswerSeconds() <= 2), result.rssMegabytes(),
                    verdict(result.rssMegabytes() <= 200)));
        }
        text.append('\n');
    }

    void write(Path file) throws IOException {
        Files.writeString(file, text.toString());
    }

    String text() {
        return text.toString();
    }

    private static String row(String what, double perSecond) {
        return String.format(Locale.ROOT, "| %s | %,.0f |%n", what, perSecond);
    }

    private static String percentiles(Latencies latencies) {
        return String.format(Locale.ROOT, "| samples | p50 | p99 | p99.9 |%n|---|---|---|---|%n| %,d | %.1f ms | %.1f ms | %.1f ms |%n",
                latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(99.9));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String cpu() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst().orElse("unknown");
    }
}
