package com.dominusleads.simulator;

import com.dominusleads.releasegenerator.SeededRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults a simulator injects into API calls, switchable at runtime from any thread (settings are swapped
 * atomically; a call sees one consistent set). Also settable over HTTP: {@code POST /_simulator/faults}.
 * <p>
 * Whether a given call is faulted is drawn from a RNG seeded by the simulator's seed and the call's sequence number
 * ({@link CallLog#total()} before it), so a test that makes its calls one after another sees the same faults on every
 * run. All draws are made for every call, whatever is enabled, so enabling one fault never shifts another's draws.
 */
public final class Faults {

    /**
     * One consistent set of faults.
     *
     * @param latencyMillis        added to every call
     * @param jitterMillis         plus a uniform [0, jitter] on top
     * @param serverErrorRate      share of calls answered 500, 502 or 503 with the error shape
     * @param tooManyRequestsRate  share of calls answered 429 (besides the next-N counter, {@link #tooManyRequests(int)})
     * @param retryAfterSeconds    the {@code Retry-After} of 429 (and 503) answers
     * @param malformedJsonRate    share of successful calls whose body is cut short or is not JSON at all (still 200)
     * @param connectionResetRate  share of calls whose connection is closed without any response (the caller reads
     *                             end-of-stream where the status line should be; note that the JDK's HttpClient
     *                             silently retries an idempotent request once on such a failure, so one client call
     *                             may show as two calls here)
     * @param hangRate             share of calls that get no answer for {@code hangMillis}
     * @param hangMillis           how long a hang lasts (then the call goes on as if it had just arrived); on close the
     *                             connection of a hanging call is dropped at once
     * @param missingMeta          search and listing answers come without {@code meta} (a known variant)
     */
    public record Settings(long latencyMillis, long jitterMillis, double serverErrorRate, double tooManyRequestsRate,
                           int retryAfterSeconds, double malformedJsonRate, double connectionResetRate, double hangRate,
                           long hangMillis, boolean missingMeta) {

        public static final Settings NONE = new Settings(0, 0, 0, 0, 1, 0, 0, 0, 60_000, false);

        public Settings {
            if (latencyMillis < 0 || jitterMillis < 0 || hangMillis < 0 || retryAfterSeconds < 0) {
                throw new IllegalArgumentException("durations must be zero or more");
            }
            rate("serverErrorRate", serverErrorRate);
            rate("tooManyRequestsRate", tooManyRequestsRate);
            rate("malformedJsonRate", malformedJsonRate);
            rate("connectionResetRate", connectionResetRate);
            rate("hangRate", hangRate);
        }

        private static void rate(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
            }
        }
    }

    /** What happens to one call. */
    record Decision(long delayMillis, boolean connectionReset, boolean hang, long hangMillis, boolean tooManyRequests,
                    int retryAfterSeconds, int serverError, boolean malformed, boolean malformedAsHtml,
                    boolean missingMeta) {
    }

    private static final long FAULT_STREAM = 0x4641554CL;
    private static final int[] SERVER_ERRORS = {500, 502, 503};

    private final long seed;
    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.NONE);
    private final AtomicInteger pendingTooManyRequests = new AtomicInteger();
    private final AtomicInteger pendingServerErrors = new AtomicInteger();

    Faults(long seed) {
        this.seed = seed;
    }

    /** The current settings. */
    public Settings settings() {
        return settings.get();
    }

    /** Replaces every setting at once. */
    public Faults set(Settings next) {
        settings.set(java.util.Objects.requireNonNull(next));
        return this;
    }

    /** No faults at all, and no pending 429 or 5xx. */
    public Faults clear() {
        settings.set(Settings.NONE);
        pendingTooManyRequests.set(0);
        pendingServerErrors.set(0);
        return this;
    }

    public Faults latency(long fixedMillis, long jitterMillis) {
        settings.updateAndGet(s -> new Settings(fixedMillis, jitterMillis, s.serverErrorRate(), s.tooManyRequestsRate(),
                s.retryAfterSeconds(), s.malformedJsonRate(), s.connectionResetRate(), s.hangRate(), s.hangMillis(),
                s.missingMeta()));
        return this;
    }

    public Faults serverErrorRate(double rate) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), rate, s.tooManyRequestsRate(),
                s.retryAfterSeconds(), s.malformedJsonRate(), s.connectionResetRate(), s.hangRate(), s.hangMillis(),
                s.missingMeta()));
        return this;
    }

    /** The next {@code calls} API calls answer 429 (on top of any rate). */
    public Faults tooManyRequests(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be zero or more");
        }
        pendingTooManyRequests.set(calls);
        return this;
    }

    public Faults tooManyRequestsRate(double rate) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(), rate,
                s.retryAfterSeconds(), s.malformedJsonRate(), s.connectionResetRate(), s.hangRate(), s.hangMillis(),
                s.missingMeta()));
        return this;
    }

    public Faults retryAfterSeconds(int seconds) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(),
                s.tooManyRequestsRate(), seconds, s.malformedJsonRate(), s.connectionResetRate(), s.hangRate(),
                s.hangMillis(), s.missingMeta()));
        return this;
    }

    public Faults malformedJsonRate(double rate) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(),
                s.tooManyRequestsRate(), s.retryAfterSeconds(), rate, s.connectionResetRate(), s.hangRate(),
                s.hangMillis(), s.missingMeta()));
        return this;
    }

    public Faults connectionResetRate(double rate) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(),
                s.tooManyRequestsRate(), s.retryAfterSeconds(), s.malformedJsonRate(), rate, s.hangRate(),
                s.hangMillis(), s.missingMeta()));
        return this;
    }

    public Faults hangRate(double rate) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(),
                s.tooManyRequestsRate(), s.retryAfterSeconds(), s.malformedJsonRate(), s.connectionResetRate(), rate,
                s.hangMillis(), s.missingMeta()));
        return this;
    }

    public Faults hangMillis(long millis) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(),
                s.tooManyRequestsRate(), s.retryAfterSeconds(), s.malformedJsonRate(), s.connectionResetRate(),
                s.hangRate(), millis, s.missingMeta()));
        return this;
    }

    public Faults missingMeta(boolean on) {
        settings.updateAndGet(s -> new Settings(s.latencyMillis(), s.jitterMillis(), s.serverErrorRate(),
                s.tooManyRequestsRate(), s.retryAfterSeconds(), s.malformedJsonRate(), s.connectionResetRate(),
                s.hangRate(), s.hangMillis(), on));
        return this;
    }

    /** The next {@code calls} API calls answer 500, 502 or 503 (on top of any rate): an outage that passes. */
    public Faults serverErrors(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be zero or more");
        }
        pendingServerErrors.set(calls);
        return this;
    }

    /** How many of the next calls still answer 5xx because of {@link #serverErrors(int)}. */
    public int pendingServerErrors() {
        return pendingServerErrors.get();
    }

    /** How many of the next calls still answer 429 because of {@link #tooManyRequests(int)}. */
    public int pendingTooManyRequests() {
        return pendingTooManyRequests.get();
    }

    /** The fate of call number {@code sequence} (0 for the first call after start or reset). */
    Decision decide(long sequence) {
        Settings s = settings.get();
        SeededRandom r = new SeededRandom(SeededRandom.mix(seed ^ FAULT_STREAM) + SeededRandom.mix(sequence + 1));
        double jitter = r.nextDouble();
        double reset = r.nextDouble();
        double hang = r.nextDouble();
        double tooMany = r.nextDouble();
        double serverError = r.nextDouble();
        int serverStatus = SERVER_ERRORS[r.nextInt(SERVER_ERRORS.length)];
        double malformed = r.nextDouble();
        boolean html = r.chance(0.3);

        long delay = s.latencyMillis() + Math.round(jitter * s.jitterMillis());
        boolean isReset = reset < s.connectionResetRate();
        boolean isHang = !isReset && hang < s.hangRate();
        boolean counted = !isReset && !isHang && pendingTooManyRequests.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        boolean is429 = !isReset && (counted || tooMany < s.tooManyRequestsRate());
        boolean countedError = !isReset && !isHang && !is429
                && pendingServerErrors.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        int status = !isReset && !is429 && (countedError || serverError < s.serverErrorRate()) ? serverStatus : 0;
        boolean isMalformed = malformed < s.malformedJsonRate();
        return new Decision(delay, isReset, isHang, s.hangMillis(), is429, s.retryAfterSeconds(), status, isMalformed,
                html, s.missingMeta());
    }
}
