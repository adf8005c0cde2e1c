package com.dominusleads.gateway.client;

import io.smallrye.faulttolerance.api.RateLimitException;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Which failures of a call may pass if it is tried again, and which say something about the other side's health. */
final class Transience {

    private Transience() {
    }

    /**
     * Worth another attempt: a timeout, a lost or refused connection, a 5xx, a malformed body (not a redirect), a 429
     * whose {@code Retry-After} fits in {@code maxRetryAfterMillis}. Not an open breaker, a full bulkhead or our own
     * quota after waiting for it: those are decisions to stop calling for now.
     */
    static boolean retryable(Throwable failure, long maxRetryAfterMillis) {
        if (failure instanceof UpstreamFailure upstream) {
            return (upstream.malformed() || upstream.status() >= 400) && upstream.retryAfterMillis() <= maxRetryAfterMillis;
        }
        if (failure instanceof CircuitBreakerOpenException || failure instanceof BulkheadException
                || failure instanceof RateLimitException) {
            return false;
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof VertxException
                    || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts against the side's circuit breaker: everything but our own limits (quota, bulkhead) and a 429, which is
     * the remote's quota speaking (waited out, not a sign of an outage).
     */
    static boolean countsAsOutage(Throwable failure) {
        return !(failure instanceof RateLimitException) && !(failure instanceof BulkheadException)
                && !(failure instanceof UpstreamFailure upstream && upstream.tooManyRequests());
    }
}
