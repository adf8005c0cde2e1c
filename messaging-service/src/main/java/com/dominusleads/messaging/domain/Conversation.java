package com.dominusleads.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Outreach to one company of one tenant: the plan of channels, the step being tried ({@code attempt}) and where it
 * stands: CONTACTING (a message is on its way), AWAITING_REPLY (sent), REPLIED, EXHAUSTED (every channel failed),
 * OPTED_OUT, SUPPRESSED (on the list before it started) or NO_CHANNEL (nothing to send through).
 */
public record Conversation(UUID id, String tenantId, String cnpj, String companyName, String selectionId,
                           String qualificationRunId, ContactPlan plan, int attempt, String state, Instant createdAt,
                           Instant updatedAt) {

    public static final String CONTACTING = "CONTACTING";
    public static final String AWAITING_REPLY = "AWAITING_REPLY";
    public static final String REPLIED = "REPLIED";
    public static final String EXHAUSTED = "EXHAUSTED";
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String SUPPRESSED = "SUPPRESSED";
    public static final String NO_CHANNEL = "NO_CHANNEL";

    /** True while outreach may still write to the company (not after a reply, an opt-out or the end of the plan). */
    public boolean open() {
        return CONTACTING.equals(state) || AWAITING_REPLY.equals(state);
    }
}
