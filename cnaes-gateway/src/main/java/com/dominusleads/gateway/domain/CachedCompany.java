package com.dominusleads.gateway.domain;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * A remote answer kept by the gateway: the company document, or (when {@code document} is null) the remote's 404.
 */
public record CachedCompany(String cnpj, JsonObject document, Instant fetchedAt, Instant expiresAt) {

    public boolean found() {
        return document != null;
    }

    public boolean freshAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Still good enough to serve, flagged stale, when the remote cannot give a fresh one. */
    public boolean servableStaleAt(Instant now, Duration maxStale) {
        return found() && now.isBefore(expiresAt.plus(maxStale));
    }
}
