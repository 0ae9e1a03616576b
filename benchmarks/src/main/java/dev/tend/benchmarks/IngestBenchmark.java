package dev.tend.benchmarks;

import dev.tend.infra.TendSystem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * POST /visits against the same transaction done with plain JDBC ({@link JdbcVisitBaseline}) at the same
 * concurrency, on the same database.
 */
final class IngestBenchmark {

    record Result(double serviceRate, double baselineRate, double ratio, Latencies openLoopAt70, double openLoopRate,
                  long failures) {
    }

    private final TendSystem system;
    private final Settings settings;
    private final List<String> customers = new ArrayList<>();

    IngestBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    Result run() throws Exception {
        for (int i = 0; i < settings.customers(); i++) {
            customers.add(Http.id(Http.post(system.customerService().baseUrl() + "/customers",
                    "{\"name\":\"Bench Customer " + i + "\",\"emails\":[\"bench" + i + "@example.com\"],"
                            + "\"timezone\":\"Europe/London\",\"locale\":\"en-GB\"}").body()));
        }
        // The baseline's events reach no consumer, so the services downstream are paused while both are
        // measured (on two cores their work on each VisitRecorded would be charged to customer-service); they
        // catch up afterwards. The whole visit-to-message path is the pipeline benchmark's to measure.
        system.followupService().stop();
        system.notificationService().stop();
        try {
            return measure();
        } finally {
            system.followupService().restart();
            system.notificationService().restart();
            system.followupService().awaitReady(Duration.ofSeconds(120));
            system.notificationService().awaitReady(Duration.ofSeconds(120));
        }
    }

    private Result measure() throws Exception {
        JdbcVisitBaseline jdbcVisit = new JdbcVisitBaseline(system, customers);
        LoadGenerator.closedLoop(settings.concurrency(), settings.measure().dividedBy(3), this::postVisit);
        double[] service = new double[settings.runs()];
        double[] baseline = new double[settings.runs()];
        long failures = 0;
        for (int run = 0; run < settings.runs(); run++) {
            baseline[run] = LoadGenerator.closedLoop(settings.concurrency(), settings.measure(), jdbcVisit).perSecond();
            LoadGenerator.Result result = LoadGenerator.closedLoop(settings.concurrency(), settings.measure(), this::postVisit);
            service[run] = result.perSecond();
            failures += result.failed();
        }
        double serviceRate = Latencies.median(service);
        double baselineRate = Latencies.median(baseline);
        double openRate = Math.max(1, serviceRate * 0.7);
        LoadGenerator.Result open = LoadGenerator.openLoop(openRate, settings.measure(), this::postVisit);
        return new Result(serviceRate, baselineRate, serviceRate / baselineRate, open.latencies(), openRate,
                failures + open.failed());
    }

    private boolean postVisit() throws Exception {
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        return Http.post(system.customerService().baseUrl() + "/visits",
                "{\"customerId\":\"" + customer + "\",\"visitType\":\"wellness\",\"reason\":\"annual check-up\","
                        + "\"staffMember\":\"Dr. Bench\",\"visitedAt\":\"" + Instant.now().minusSeconds(60) + "\"}")
                .statusCode() == 201;
    }
}
