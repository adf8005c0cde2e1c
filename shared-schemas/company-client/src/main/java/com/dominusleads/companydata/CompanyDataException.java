package com.dominusleads.companydata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the contract ({@code {"error":{"code","message","details"}}}), or a body that is not one (then
 * {@code code} is {@code http_<status>}). {@link #retryAfterSeconds} carries a {@code Retry-After} in seconds, or -1.
 */
public class CompanyDataException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final long retryAfterSeconds;

    public CompanyDataException(int status, String code, String message, Map<String, Object> details,
                                long retryAfterSeconds) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean notFound() {
        return status == 404;
    }
}
