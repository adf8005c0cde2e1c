package com.dominusleads.launcher.bench;

/** How many operations a run completed and in how long. */
record Throughput(long count, long nanos) {

    double perSecond() {
        return count / (nanos / 1e9);
    }

    double seconds() {
        return nanos / 1e9;
    }
}
