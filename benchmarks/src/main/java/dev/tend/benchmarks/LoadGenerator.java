package dev.tend.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Drives an operation: as fast as N callers can (closed loop), or at a fixed arrival rate (open loop). */
final class LoadGenerator {

    interface Operation {
        /** @return true when it succeeded */
        boolean run() throws Exception;
    }

    record Result(double perSecond, long succeeded, long failed, Latencies latencies) {
    }

    private LoadGenerator() {
    }

    /** {@code concurrency} callers, each calling again as soon as its last call returned. */
    static Result closedLoop(int concurrency, Duration duration, Operation operation) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            callers.submit(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    boolean success;
                    try {
                        success = operation.run();
                    } catch (Exception e) {
                        success = false;
                    }
                    latencies.add(System.nanoTime() - began);
                    (success ? ok : failed).incrementAndGet();
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get(), new Latencies(latencies));
    }

    /**
     * Calls arrive at {@code perSecond} whatever the answers' speed; latency counts from when a call was due,
     * so a slow answer that delays the next calls is not hidden (no coordinated omission).
     */
    static Result openLoop(double perSecond, Duration duration, Operation operation) throws InterruptedException {
        int calls = (int) (perSecond * duration.toSeconds());
        long interval = (long) (1e9 / perSecond);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            callers.submit(() -> {
                boolean success;
                try {
                    success = operation.run();
                } catch (Exception e) {
                    success = false;
                }
                latencies.add(System.nanoTime() - due);
                (success ? ok : failed).incrementAndGet();
            });
        }
        callers.shutdown();
        callers.awaitTermination(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get(), new Latencies(latencies));
    }
}
