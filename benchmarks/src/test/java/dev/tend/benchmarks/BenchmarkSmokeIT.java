package dev.tend.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every benchmark at toy sizes, so the code that produces BENCHMARKS.md keeps working. Times nothing. */
class BenchmarkSmokeIT {

    @Test
    void shouldRunEveryBenchmarkAndWriteTheReport() throws Exception {
        Path report = Path.of("target", "BENCHMARKS-smoke.md");
        TendBenchmarks.main(new String[]{"--quick", "--out", report.toString()});
        String text = Files.readString(report);
        for (String section : new String[]{"## Machine", "## Ingest", "**ratio**", "## Outbox relay", "ProducerPerformance",
                "## Scheduler against db-scheduler", "db-scheduler", "## Listening", "## Staff console", "Template preview", "## Footprint", "customer-service", "followup-service", "notification-service"}) {
            assertTrue(text.contains(section), "the report lacks " + section + ":\n" + text);
        }
    }
}
