package com.dominusleads.messaging.domain;

import java.time.Instant;

/**
 * A contact nobody may write to any more: for one tenant, or for all ({@link #PLATFORM}). {@code source} is
 * {@code OPT_OUT} (the contact's own reply), {@code MANUAL} (a user) or {@code PLATFORM} (a host operator).
 */
public record Suppression(String tenantId, String address, String cnpj, String source, String channel, String reason,
                          Instant createdAt) {

    /** The tenant id of the platform-wide list. */
    public static final String PLATFORM = "*";
    /** The contact's own request: outranks an entry a user made by hand (which the user could remove). */
    public static final String OPT_OUT = "OPT_OUT";
}
