package com.dominusleads.companydata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads the contract's error shape and {@code Retry-After} leniently: any body, any of the header's two forms. */
public final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {
    }

    /** The exception for an error answer; a body that is not the contract's shape still gives a usable code. */
    @SuppressWarnings("unchecked")
    public static CompanyDataException exception(int status, String body, String retryAfter) {
        String code = "http_" + status;
        String message = "HTTP " + status;
        Map<String, Object> details = Map.of();
        try {
            JsonNode error = body == null || body.isBlank() ? null : JSON.readTree(body).path("error");
            if (error != null && error.isObject()) {
                code = error.path("code").asText(code);
                message = error.path("message").asText(message);
                if (error.path("details").isObject()) {
                    details = JSON.convertValue(error.get("details"), Map.class);
                }
            }
        } catch (Exception notJson) {
            // an HTML error page from a proxy, a truncated body: the status says enough
        }
        return new CompanyDataException(status, code, message, details, retryAfterSeconds(retryAfter));
    }

    /** {@code Retry-After} as seconds from now (delta-seconds or an HTTP date), or -1 when absent or unreadable. */
    public static long retryAfterSeconds(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String value = header.strip();
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toSeconds());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }
}
