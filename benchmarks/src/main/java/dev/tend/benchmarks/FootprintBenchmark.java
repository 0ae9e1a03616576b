package dev.tend.benchmarks;

import dev.tend.infra.ServiceProcess;
import dev.tend.infra.TendSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Each service's resident memory after the load above, and its time from process start to first answer. */
final class FootprintBenchmark {

    record Result(String service, double firstAnswerSeconds, long rssMegabytes) {
    }

    private final TendSystem system;
    private final Settings settings;

    FootprintBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    List<Result> run() throws Exception {
        List<Result> results = new ArrayList<>();
        for (ServiceProcess service : system.services()) {
            long rss = rssMegabytes(service.pid());
            double[] starts = new double[settings.runs()];
            for (int run = 0; run < settings.runs(); run++) {
                service.stop();
                long start = System.nanoTime();
                service.restart();
                while (!answers(service)) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                starts[run] = (System.nanoTime() - start) / 1e9;
                service.awaitReady(java.time.Duration.ofSeconds(60));
            }
            results.add(new Result(serviceName(service), Latencies.median(starts), rss));
        }
        return results;
    }

    private static boolean answers(ServiceProcess service) {
        try {
            return Http.get(service.baseUrl() + "/q/health/live") == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static String serviceName(ServiceProcess service) {
        return service.logFile().getFileName().toString().replace(".log", "");
    }
}
