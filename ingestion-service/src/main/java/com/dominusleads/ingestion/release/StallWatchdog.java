package com.dominusleads.ingestion.release;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a download's body stream when no byte has arrived for a while, so that a silently dead connection fails (and
 * is resumed) instead of blocking the reader forever: java.net.http's request timeout covers only the wait for the
 * response headers.
 */
final class StallWatchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "release-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Closeable stream;
    private final long limitNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean fired;

    StallWatchdog(Closeable stream, Duration limit) {
        this.stream = stream;
        this.limitNanos = limit.toNanos();
        long period = Math.max(limit.toMillis() / 4, 10);
        this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void advanced() {
        lastProgress = System.nanoTime();
    }

    /** Whether the stream was closed for stalling (which the reader sees as a bare "closed" IOException). */
    boolean fired() {
        return fired;
    }

    private void check() {
        if (!fired && System.nanoTime() - lastProgress > limitNanos) {
            fired = true;
            try {
                stream.close();
            } catch (IOException ignored) {
                // the reader fails either way
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
