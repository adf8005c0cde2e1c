package com.dominusleads.servicekit.apikeys;

import java.time.Instant;
import java.util.List;

/** host-service's answer about a key (RFC 7662's shape): inactive, or active with its tenant (null: platform) and scopes. */
public record Introspection(boolean active, String keyId, String tenantId, List<String> scopes, Instant expiresAt) {

    public static Introspection inactive() {
        return new Introspection(false, null, null, List.of(), null);
    }
}
