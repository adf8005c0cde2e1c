package com.dominusleads.gateway.client;

import com.dominusleads.companydata.ErrorBodies;

/**
 * A side answered, but not usably: a 5xx, a 429, or a 2xx whose body is not a JSON object. Worth retrying; never
 * carries the request's credentials.
 */
public final class UpstreamFailure extends RuntimeException {

    private final Side side;
    private final int status;
    private final boolean malformed;
    private final long retryAfterMillis;
    private final String code;

    private UpstreamFailure(Side side, int status, boolean malformed, long retryAfterMillis, String code,
                            String message) {
        super(message, null, false, false); // thrown on every bad answer: no stack trace to fill
        this.side = side;
        this.status = status;
        this.malformed = malformed;
        this.retryAfterMillis = retryAfterMillis;
        this.code = code;
    }

    static UpstreamFailure status(Side side, int status, String retryAfter, String code) {
        long seconds = ErrorBodies.retryAfterSeconds(retryAfter);
        return new UpstreamFailure(side, status, false, seconds < 0 ? -1 : seconds * 1000, code,
                side.label() + " answered HTTP " + status + (seconds < 0 ? "" : " (Retry-After " + seconds + " s)"));
    }

    static UpstreamFailure malformed(Side side, int status) {
        return new UpstreamFailure(side, status, true, -1, "malformed",
                side.label() + " answered HTTP " + status + " with a body that is not a JSON object");
    }

    /** The local directory's 503 when no release is live yet: it definitely holds nothing. */
    public boolean directoryEmpty() {
        return side == Side.LOCAL && status == 503 && "directory_empty".equals(code);
    }

    public Side side() {
        return side;
    }

    public int status() {
        return status;
    }

    public boolean malformed() {
        return malformed;
    }

    public boolean tooManyRequests() {
        return status == 429;
    }

    /** The server's {@code Retry-After} in milliseconds, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
