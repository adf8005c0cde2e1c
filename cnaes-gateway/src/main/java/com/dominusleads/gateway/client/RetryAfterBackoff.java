package com.dominusleads.gateway.client;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.RateLimitException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter" (half fixed, half random, so retries of many callers spread out), except
 * when the failure says when to come back: a remote {@code Retry-After}, or our own rate limiter's next free slot. A
 * custom strategy because SmallRye's built-in ones cannot read the failure (and ignore {@code jitter} here).
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private long baseMillis = 100;
    private int attempt;

    RetryAfterBackoff(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public void init(long initialDelayInMillis) {
        if (initialDelayInMillis > 0) {
            baseMillis = initialDelayInMillis;
        }
    }

    @Override
    public synchronized long nextDelayInMillis(Throwable failure) {
        long cap = Math.min(maxDelayMillis, baseMillis << Math.min(attempt++, 20));
        long told = failure instanceof UpstreamFailure upstream ? upstream.retryAfterMillis()
                : failure instanceof RateLimitException limited ? limited.getRetryAfterMillis() : -1;
        if (told >= 0) {
            // Never sooner than asked (Transience already refused waits that are too long); a little later at random,
            // so that callers told the same time do not all come back at once.
            return told + ThreadLocalRandom.current().nextLong(Math.min(cap, 50) + 1);
        }
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }
}
