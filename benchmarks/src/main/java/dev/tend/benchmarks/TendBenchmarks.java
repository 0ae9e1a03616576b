package dev.tend.benchmarks;

import dev.tend.contracts.Topics;
import dev.tend.infra.TendSystem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code ./tend bench}: starts the whole system on free ports and measures it against baselines in the same
 * run, writing BENCHMARKS.md. {@code --quick} runs every section at toy sizes, to keep the code working.
 */
public final class TendBenchmarks {

    private TendBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        // --only scheduler,scale: a partial run for profiling one section; it never overwrites BENCHMARKS.md by default.
        Set<String> only = Set.of(value(args, "--only", "").split(","));
        Predicate<String> runs = section -> only.contains("") || only.contains(section);
        Settings settings = quick ? Settings.quickRun() : Settings.fullRun();
        Path projectRoot = Path.of(System.getProperty("tend.project.root", ".")).toAbsolutePath().normalize();
        Path output = Path.of(value(args, "--out", projectRoot.resolve(
                only.contains("") ? "BENCHMARKS.md" : "benchmarks/target/BENCHMARKS-partial.md").toString()));
        Path workDir = Files.createTempDirectory("tend-bench");
        // The clinic is open all day, every day: a bench runs at any hour, and the calls it raises (the console's
        // worklist) must be on today's worklist at once, not at the next opening.
        TendSystem.Options options = TendSystem.Options.forTests(projectRoot, workDir).withServiceProperties(Map.of(
                "tend.followup.clinic.opens", "00:00",
                "tend.followup.clinic.closes", "23:59:59.999999999",
                "tend.followup.clinic.business-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"));
        try (TendSystem system = TendSystem.start(runs.test("console") ? options.withConsole() : options)) {
            system.kafka().createTopics(Map.of(OutboxBenchmark.TOPIC, Topics.DEFAULT_PARTITIONS));
            Report report = new Report(settings);
            // The console first, so its worklist holds its own 200 items and not the other sections' backlogs.
            if (runs.test("console")) {
                System.out.println("Staff console...");
                report.console(new ConsoleBenchmark(system, settings).run());
                Quiet.await(system, Duration.ofMinutes(3));
            }
            // The pipeline and start-up next, on an idle system; then the sections that pile up backlogs.
            if (runs.test("pipeline")) {
                System.out.println("Whole pipeline...");
                report.pipeline(new PipelineBenchmark(system, settings).run(), settings);
            }
            if (runs.test("footprint")) {
                System.out.println("Footprint...");
                report.footprint(new FootprintBenchmark(system, settings).run());
            }
            if (runs.test("listening")) {
                Quiet.await(system, Duration.ofMinutes(3));
                System.out.println("Listening...");
                report.listening(new ListeningBenchmark(system, settings).run());
            }
            if (runs.test("ingest")) {
                System.out.println("Ingest...");
                report.ingest(new IngestBenchmark(system, settings).run(), settings);
            }
            if (runs.test("outbox")) {
                System.out.println("Outbox relay...");
                report.outbox(new OutboxBenchmark(system, settings).run());
            }
            if (runs.test("scheduler")) {
                Quiet.await(system, Duration.ofMinutes(5));
                System.out.println("Scheduler...");
                report.scheduler(new SchedulerBenchmark(system, settings).run());
            }
            if (runs.test("scale")) {
                Quiet.await(system, Duration.ofMinutes(5));
                System.out.println("Scale...");
                report.scale(new ScaleBenchmark(system, settings).run());
            }
            report.write(output);
            System.out.println(report.text());
            System.out.println("Written to " + output);
        }
    }

    private static String value(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
