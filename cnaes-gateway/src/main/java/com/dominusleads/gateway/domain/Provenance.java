package com.dominusleads.gateway.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Stamps what the gateway serves with where it came from ({@code source}: local, remote or cache) and how fresh it is
 * ({@code fetched_at}, {@code expires_at} for kept answers, {@code stale}). Documents are otherwise passed through as the
 * side sent them, unknown fields included.
 */
final class Provenance {

    static final String LOCAL = "local";
    static final String REMOTE = "remote";
    static final String CACHE = "cache";

    private Provenance() {
    }

    /** Read from the live directory just now. */
    static JsonObject local(JsonObject document, Instant now) {
        return document.put("source", LOCAL).put("fetched_at", now.toString()).put("stale", false);
    }

    /** Fetched from the remote API by this request (and kept as {@code entry}). */
    static JsonObject remote(CachedCompany entry) {
        return stamp(entry.document().copy(), REMOTE, entry, false);
    }

    /** Served from the gateway's cache; {@code stale} when past its expiry because the remote could not refresh it. */
    static JsonObject cached(CachedCompany entry, boolean stale) {
        return stamp(entry.document().copy(), CACHE, entry, stale);
    }

    private static JsonObject stamp(JsonObject document, String source, CachedCompany entry, boolean stale) {
        return document.put("source", source).put("fetched_at", entry.fetchedAt().toString())
                .put("expires_at", entry.expiresAt().toString()).put("stale", stale);
    }

    /**
     * A page from {@code source}, with {@code meta} completed when the side left it out (a known variant): page and
     * limit as asked, {@code total_items} null (unknown).
     */
    static JsonObject page(JsonObject page, String source, Integer askedPage, Integer askedLimit, Instant now) {
        JsonArray data = page.getJsonArray("data");
        JsonObject meta = page.getValue("meta") instanceof JsonObject m ? m : new JsonObject()
                .put("page", askedPage == null ? 1 : askedPage)
                .put("limit", askedLimit == null ? data.size() : askedLimit)
                .putNull("total_items");
        meta.put("source", source).put("fetched_at", now.toString());
        if (meta.getValue("next_cursor") instanceof String next && !next.isBlank()) {
            meta.put("next_cursor", SideCursor.tag(source, next));
        }
        for (int i = 0; i < data.size(); i++) {
            if (data.getValue(i) instanceof JsonObject company) {
                company.put("source", source);
            }
        }
        return page.put("meta", meta);
    }

    /**
     * True when a page shows results, or says exactly (not estimated) that its search has some: a page past the end
     * of a search with results still belongs to the side that has them.
     */
    static boolean hasResults(JsonObject page) {
        if (page.getValue("data") instanceof JsonArray data && !data.isEmpty()) {
            return true;
        }
        JsonObject meta = page.getValue("meta") instanceof JsonObject m ? m : null;
        Object total = meta == null ? null : meta.getValue("total_items");
        return total instanceof Number n && n.longValue() > 0 && !Boolean.TRUE.equals(meta.getValue("total_items_estimated"));
    }
}
