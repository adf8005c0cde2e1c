package com.dominusleads.providersimulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which provider API calls fail, from the configured rates (drawn with the seed and the call's sequence
 * number, so calls made one after another fail the same way on every run) and from counters of failures to come
 * ({@code POST /_simulator/faults/next}: "the next 2 calls answer 503").
 */
final class Faults {

    /** What happens to one call: nothing ({@link #NONE}), a 5xx status, or a throughput refusal. */
    record Decision(int serverError, boolean throttled, int retryAfterSeconds) {

        static final Decision NONE = new Decision(0, false, 0);

        boolean none() {
            return serverError == 0 && !throttled;
        }
    }

    private static final int[] SERVER_ERRORS = {500, 502, 503};

    private final Draws draws;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger nextServerErrors = new AtomicInteger();
    private final AtomicInteger nextThrottles = new AtomicInteger();

    Faults(Draws draws) {
        this.draws = draws;
    }

    /** The next {@code serverErrors} calls answer 5xx, then the next {@code throttles} are refused. */
    void next(int serverErrors, int throttles) {
        if (serverErrors < 0 || throttles < 0) {
            throw new IllegalArgumentException("counts must be zero or more");
        }
        nextServerErrors.set(serverErrors);
        nextThrottles.set(throttles);
    }

    int pendingServerErrors() {
        return nextServerErrors.get();
    }

    int pendingThrottles() {
        return nextThrottles.get();
    }

    Decision decide(SimulatorConfig.FaultSettings settings) {
        long call = calls.incrementAndGet();
        double serverError = draws.unit("fault|5xx|" + call);
        double throttle = draws.unit("fault|429|" + call);
        int status = SERVER_ERRORS[(int) (draws.unit("fault|status|" + call) * SERVER_ERRORS.length)];
        if (nextServerErrors.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || serverError < settings.serverErrorRate()) {
            return new Decision(status, false, 0);
        }
        if (nextThrottles.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || throttle < settings.tooManyRequestsRate()) {
            return new Decision(0, true, settings.retryAfterSeconds());
        }
        return Decision.NONE;
    }

    void clear() {
        calls.set(0);
        nextServerErrors.set(0);
        nextThrottles.set(0);
    }
}
