package com.dominusleads.servicekit.api;

import java.util.Map;

/**
 * The one error body every DominusLeads API answers with: {@code {"error":{"code","message","details"}}}.
 * {@code code} is stable and machine-readable; {@code message} says what went wrong and what to do.
 */
public record ApiError(Body error) {

    public record Body(String code, String message, Map<String, Object> details) {
    }

    public static ApiError of(String code, String message) {
        return of(code, message, Map.of());
    }

    public static ApiError of(String code, String message, Map<String, Object> details) {
        return new ApiError(new Body(code, message, details));
    }
}
