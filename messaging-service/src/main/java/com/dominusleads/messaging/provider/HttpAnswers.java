package com.dominusleads.messaging.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads providers' HTTP answers tolerantly: their shapes vary between versions (Evolution's above all), an error may
 * come from a proxy as HTML, and a code may be a number in one version and a string in the next.
 */
public final class HttpAnswers {

    /** How long a throttled message waits when the provider does not say. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private HttpAnswers() {
    }

    public static boolean succeeded(HttpResponse<Buffer> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    /** The body as a JSON object; empty when there is none or it is not one. */
    public static JsonObject object(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            Object json = body.toJson();
            return json instanceof JsonObject object ? object : new JsonObject();
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    /** A member of {@code object} (possibly null) as an object; empty when absent or not an object. */
    public static JsonObject object(JsonObject object, String name) {
        Object value = object == null ? null : object.getValue(name);
        return value instanceof JsonObject member ? member : new JsonObject();
    }

    /** A member of {@code object} as an array; empty when absent or not an array. */
    public static JsonArray array(JsonObject object, String name) {
        Object value = object == null ? null : object.getValue(name);
        return value instanceof JsonArray member ? member : new JsonArray();
    }

    /** The first object in an array member; empty when there is none. */
    public static JsonObject firstObject(JsonObject object, String name) {
        return array(object, name).stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .findFirst().orElseGet(JsonObject::new);
    }

    /** A scalar member as text (a number's digits, a string as it is); null when absent or not a scalar. */
    public static String text(JsonObject object, String name) {
        Object value = object == null ? null : object.getValue(name);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value) : null;
    }

    /**
     * The wait a 429 (or a throttling error) asks for: {@code Retry-After} in seconds or as an HTTP date, else
     * {@link #DEFAULT_RETRY_AFTER}.
     */
    public static Duration retryAfter(HttpResponse<Buffer> response) {
        String header = response.getHeader("Retry-After");
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }
}
