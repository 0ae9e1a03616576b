package dev.tend.systemtests.faults;

import dev.tend.infra.ServiceProcess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters from each service's {@code /q/metrics}, kept across restarts: a killed process takes its counters with
 * it, so each is scraped just before a kill and what it had counted is carried over. Counts made between the last
 * scrape and a kill are missed, so the totals are lower bounds.
 */
final class ServiceMetrics {

    private static final List<String> COUNTERS = List.of("tend_events_consumed_total",
            "tend_notification_reconciled_total", "tend_notification_ambiguous_total",
            "tend_notification_retries_total");

    private final List<ServiceProcess> services;
    private final Map<String, Map<String, Double>> carried = new HashMap<>();
    private final Map<String, Map<String, Double>> current = new HashMap<>();

    ServiceMetrics(List<ServiceProcess> services) {
        this.services = services;
    }

    synchronized void scrapeAll() {
        services.forEach(this::scrape);
    }

    synchronized void scrape(ServiceProcess service) {
        String text;
        try {
            text = Http.text(service.baseUrl() + "/q/metrics");
        } catch (Exception e) {
            return; // down at this moment: what it counted before is kept
        }
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (COUNTERS.stream().anyMatch(line::startsWith)) {
                // With tracing on, a sample may end with an exemplar ("... 3.0 # {trace_id=...} 1.0 1795816307"):
                // the value is the number before it, not the exemplar's timestamp.
                int exemplar = line.indexOf(" # ");
                String sample = (exemplar < 0 ? line : line.substring(0, exemplar)).strip();
                int space = sample.lastIndexOf(' ');
                values.put(sample.substring(0, space), Double.parseDouble(sample.substring(space + 1)));
            }
        }
        current.put(key(service), values);
    }

    /** Call after the service was killed: its last scraped counts are kept, the next incarnation starts from 0. */
    synchronized void carryOver(ServiceProcess service) {
        Map<String, Double> last = current.remove(key(service));
        if (last != null) {
            last.forEach((series, value) -> carried.computeIfAbsent(key(service), k -> new HashMap<>())
                    .merge(series, value, Double::sum));
        }
    }

    /** The sum, per service, of every series of {@code counter} whose labels contain every one of {@code labels}. */
    synchronized Map<String, Long> total(String counter, String... labels) {
        Map<String, Long> totals = new TreeMap<>();
        for (ServiceProcess service : services) {
            double sum = 0;
            for (Map<String, Double> values : List.of(carried.getOrDefault(key(service), Map.of()),
                    current.getOrDefault(key(service), Map.of()))) {
                for (Map.Entry<String, Double> series : values.entrySet()) {
                    if (series.getKey().startsWith(counter) && List.of(labels).stream()
                            .allMatch(label -> series.getKey().contains(label))) {
                        sum += series.getValue();
                    }
                }
            }
            totals.put(name(service), Math.round(sum));
        }
        return totals;
    }

    private static String key(ServiceProcess service) {
        return service.baseUrl();
    }

    private static String name(ServiceProcess service) {
        return service.logFile().getFileName().toString().replace(".log", "");
    }
}
