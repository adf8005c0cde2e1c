package com.dominusleads.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * An open-loop HTTP load: requests sent at fixed intervals whatever the answers, as independent callers would send them,
 * each latency counted from when its request was due rather than when it left, so that a stall delays the clock of
 * every request it holds up (no coordinated omission). A warm-up at the same rate, not measured, comes first.
 * <p>
 * At most {@value #CONNECTIONS} requests are in flight (one HTTP/1.1 connection each), as load generators keep a fixed
 * set of connections: a cold server would otherwise be met by hundreds of new connections at once. The cap binds only
 * when answers take over {@value #CONNECTIONS} ms at 1,000 requests/s, and then the wait shows in the latencies.
 */
final class OpenLoopRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECTIONS = 64;

    /** The measured window's answers, and the failures of the whole run (warm-up included) with the first one. */
    record Result(Latencies latencies, long failures, String firstFailure) {
    }

    private OpenLoopRun() {
    }

    /** How many requests a run of {@code length} sends at {@code ratePerSecond}: the warm-up's are the first. */
    static int count(int ratePerSecond, Duration length) {
        return (int) (length.toNanos() / (1_000_000_000L / ratePerSecond));
    }

    /**
     * GETs {@code targets} in turn, with {@code headers} (name, value, …), at {@code ratePerSecond}.
     *
     * @param problem what is wrong with an answer, or null when it is the expected one
     */
    static Result measure(HttpClient http, List<URI> targets, String[] headers,
                          Function<HttpResponse<String>, String> problem, int ratePerSecond, Duration warmUp,
                          Duration measured) throws InterruptedException {
        return measure(http, i -> HttpRequest.newBuilder(targets.get(i % targets.size())).headers(headers).GET(),
                problem, ratePerSecond, warmUp, measured);
    }

    /**
     * Sends request {@code i} ({@code 0…}, warm-up first) as {@code requests} builds it, at {@code ratePerSecond}.
     * Requests are built when due: a body signed per request costs the load, as it would cost the real sender.
     *
     * @param problem what is wrong with an answer, or null when it is the expected one
     */
    static Result measure(HttpClient http, IntFunction<HttpRequest.Builder> requests,
                          Function<HttpResponse<String>, String> problem, int ratePerSecond, Duration warmUp,
                          Duration measured) throws InterruptedException {
        long interval = 1_000_000_000L / ratePerSecond;
        int warmUpCount = count(ratePerSecond, warmUp);
        int measuredCount = count(ratePerSecond, measured);
        int total = warmUpCount + measuredCount;
        long[] latencies = new long[measuredCount];
        Arrays.fill(latencies, -1);
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(total);
        Semaphore inFlight = new Semaphore(CONNECTIONS);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int index = i;
            HttpRequest request = requests.apply(i).timeout(TIMEOUT).build();
            String target = request.method() + " " + request.uri();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                try {
                    String wrong = error != null ? error.toString() : problem.apply(response);
                    if (wrong != null) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, target + ": " + wrong);
                    } else if (index >= warmUpCount) {
                        latencies[index - warmUpCount] = now - due;
                        lastAnswer.accumulateAndGet(now, Math::max);
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, target + ": " + e);
                } finally {
                    inFlight.release();
                    answered.countDown();
                }
            });
        }
        if (!answered.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            failures.addAndGet(answered.getCount());
            firstFailure.compareAndSet(null, answered.getCount() + " requests never answered");
        }
        long[] measuredLatencies = Arrays.stream(latencies).filter(latency -> latency >= 0).toArray();
        // Throughput: the measured window's good answers over the time from its first due request to the last answer.
        long windowStart = start + warmUpCount * interval;
        Latencies result = measuredLatencies.length == 0 ? null
                : Latencies.of(measuredLatencies, lastAnswer.get() - windowStart);
        return new Result(result, failures.get(), firstFailure.get());
    }
}
