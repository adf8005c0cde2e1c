package com.dominusleads.messaging.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Readers for the loosely typed values providers put in webhooks. */
public final class WebhookValues {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private WebhookValues() {
    }

    /**
     * A Unix time in seconds, written as a number or as a string of digits (Meta always quotes it, Evolution does
     * either); {@code fallback} when absent or unreadable: a wrong timestamp must not cost us the event.
     */
    public static Instant epochSeconds(Object raw, Instant fallback) {
        if (raw instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        if (raw instanceof CharSequence text && !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                && text.length() <= 12) {
            return Instant.ofEpochSecond(Long.parseLong(text.toString()));
        }
        return fallback;
    }

    /**
     * Our message id, when {@code raw} is one in canonical form ({@code UUID.fromString} alone also takes
     * {@code 1-2-3-4-5}); empty for anything else, such as a provider id or someone else's callback data.
     */
    public static Optional<UUID> uuid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim();
        return CANONICAL_UUID.matcher(value).matches() ? Optional.of(UUID.fromString(value)) : Optional.empty();
    }

    /**
     * The objects of a JSON array, absent array and null elements left out.
     *
     * @throws ClassCastException when an element is not an object
     */
    public static List<JsonObject> objects(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject object = array.getJsonObject(i);
            if (object != null) {
                objects.add(object);
            }
        }
        return objects;
    }
}
