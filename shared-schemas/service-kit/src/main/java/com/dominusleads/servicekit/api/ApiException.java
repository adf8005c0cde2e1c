package com.dominusleads.servicekit.api;

import java.util.Map;

/**
 * A request the service refuses, with the status and the {@link ApiError} to answer: thrown by resources and domain
 * code for conditions the caller can fix (not found, conflict, insufficient rights…), rendered by {@link ApiErrorMapper}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        this(status, code, message, details, -1);
    }

    /** With a {@code Retry-After} (seconds) telling the caller when trying again makes sense; -1 for none. */
    public ApiException(int status, String code, String message, Map<String, Object> details, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiError toError() {
        return ApiError.of(code, getMessage(), details);
    }
}
