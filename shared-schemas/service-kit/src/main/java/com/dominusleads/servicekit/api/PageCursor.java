package com.dominusleads.servicekit.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keyset cursors as APIs hand them out: the last row's sort key, opaque to callers (URL-safe Base64 of its parts
 * joined by '|'). A cursor the API did not hand out is a 400 {@code invalid_cursor}, never a 500.
 */
public final class PageCursor {

    private PageCursor() {
    }

    /** The cursor of a row sorted by (instant, id), the most common keyset. */
    public record At(Instant at, UUID id) {

        public String encode() {
            return PageCursor.encode(at.toString(), id.toString());
        }

        /** Null for an absent cursor. */
        public static At decode(String cursor) {
            List<String> parts = PageCursor.decode(cursor, 2);
            if (parts == null) {
                return null;
            }
            try {
                return new At(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (RuntimeException e) {
                throw invalid();
            }
        }
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code count} parts of a cursor; null for an absent (null or blank) one. */
    public static List<String> decode(String cursor, int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length == count) {
                return Arrays.asList(parts);
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw invalid();
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_cursor", "The cursor is not one this API handed out: start again"
                + " without it.", Map.of("field", "cursor"));
    }
}
