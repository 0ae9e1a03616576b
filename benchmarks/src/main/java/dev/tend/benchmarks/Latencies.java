package dev.tend.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Latency samples in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {

    private final long[] sorted;

    Latencies(List<Long> nanos) {
        sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    double percentileMillis(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    static double median(double... values) {
        double[] copy = Arrays.copyOf(values, values.length);
        Arrays.sort(copy);
        return copy.length % 2 == 1 ? copy[copy.length / 2] : (copy[copy.length / 2 - 1] + copy[copy.length / 2]) / 2;
    }
}
