package com.dominusleads.launcher.bench;

import java.util.Arrays;

/** Latencies of a run, in milliseconds, and the throughput over the run's span. */
record Latencies(int count, double perSecond, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    static Latencies of(long[] latencyNanos, long spanNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, sorted.length / (spanNanos / 1e9), percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.95) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
