package com.dominusleads.gateway.domain;

import com.dominusleads.gateway.client.Side;
import com.dominusleads.gateway.client.UpstreamFailure;
import com.dominusleads.gateway.client.UpstreamReply;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.faulttolerance.api.RateLimitException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** What the gateway answers when a side could not: a contract error that says what happened and when to come back. */
final class UpstreamErrors {

    private UpstreamErrors() {
    }

    /** The remote API failed after every retry the guards allowed (or was not called: open breaker, quota, bulkhead). */
    static ApiException remoteFailed(Throwable failure, long breakerDelaySeconds) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ApiException(503, "remote_unavailable", "The remote company API is failing, so the gateway"
                    + " stopped calling it for a while (circuit open); retry later.", Map.of(), breakerDelaySeconds);
        }
        if (failure instanceof BulkheadException) {
            return new ApiException(503, "remote_busy", "Too many calls to the remote company API are in flight;"
                    + " retry in a moment.", Map.of(), 1);
        }
        if (failure instanceof RateLimitException limited) {
            return new ApiException(503, "remote_quota_exhausted", "The remote company API's quota is used up for"
                    + " now; retry shortly.", Map.of(), seconds(limited.getRetryAfterMillis()));
        }
        if (failure instanceof UpstreamFailure upstream) {
            if (upstream.tooManyRequests()) {
                return new ApiException(503, "remote_rate_limited", "The remote company API asked the gateway to slow"
                        + " down; retry after the time in Retry-After.", Map.of(), seconds(upstream.retryAfterMillis()));
            }
            return new ApiException(502, upstream.malformed() ? "remote_malformed_response" : "remote_error",
                    upstream.getMessage(), Map.of("status", upstream.status()));
        }
        if (timedOut(failure)) {
            return new ApiException(504, "remote_timeout", "The remote company API did not answer in time; retry"
                    + " later.", Map.of());
        }
        return new ApiException(502, "remote_unreachable", "The remote company API could not be reached ("
                + failure.getClass().getSimpleName() + "); retry later.", Map.of());
    }

    /** A 4xx from a side: the caller's request is at fault (400) or the gateway's credentials are (502). */
    static ApiException rejected(Side side, UpstreamReply reply) {
        if (reply.status() == 400 || reply.status() == 422) {
            return new ApiException(400, reply.errorCode(), reply.errorMessage(), reply.errorDetails().getMap());
        }
        if (reply.status() == 401 || reply.status() == 403) {
            String setting = side == Side.REMOTE ? "DOMINUS_GATEWAY_REMOTE_API_KEYS" : "DOMINUS_GATEWAY_LOCAL_API_KEY";
            return new ApiException(502, side == Side.REMOTE ? "remote_credentials_refused" : "local_credentials_refused",
                    side.label() + " refused the gateway's key (HTTP " + reply.status() + "); check " + setting + ".",
                    Map.of());
        }
        return new ApiException(502, side == Side.REMOTE ? "remote_rejected" : "local_rejected",
                side.label() + " refused the request: " + reply.errorMessage(),
                Map.of("status", reply.status(), "code", reply.errorCode()));
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static long seconds(long millis) {
        return millis < 0 ? 1 : Math.max(1, (millis + 999) / 1000);
    }
}
