package com.dominusleads.host.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A host API key as listed: never its secret. {@code tenantId} null: a platform key. */
public record ApiKey(UUID id, String tenantId, String name, String prefix, List<String> scopes, Instant expiresAt,
                     Instant revokedAt, Instant lastUsedAt, String createdBy, Instant createdAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
