package com.dominusleads.gateway.domain;

import com.dominusleads.servicekit.api.ApiException;
import java.util.Map;

/**
 * A paging cursor as the gateway hands it out: the side's own cursor tagged with the side that issued it
 * ({@code l:…} or {@code r:…}), so that the next page goes to that side alone; the other side could not read it.
 */
record SideCursor(String source, String cursor) {

    static String tag(String source, String cursor) {
        return (Provenance.LOCAL.equals(source) ? "l:" : "r:") + cursor;
    }

    /** The side and cursor in a caller's {@code cursor}; null for none; a 400 for one the gateway did not issue. */
    static SideCursor of(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (given.startsWith("l:") && given.length() > 2) {
            return new SideCursor(Provenance.LOCAL, given.substring(2));
        }
        if (given.startsWith("r:") && given.length() > 2) {
            return new SideCursor(Provenance.REMOTE, given.substring(2));
        }
        throw new ApiException(400, "invalid_cursor", "cursor: pass meta.next_cursor of the previous page as it is",
                Map.of("field", "cursor", "value", given));
    }
}
