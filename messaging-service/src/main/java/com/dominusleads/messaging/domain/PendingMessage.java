package com.dominusleads.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An outgoing message on its way: scheduled, being sent, or in doubt. {@code channelId} is null until the dispatcher
 * picks one of the tenant's channels of {@code kind}; {@code attempt} is the step of the conversation's plan.
 */
public record PendingMessage(UUID id, String tenantId, UUID conversationId, UUID channelId, String purpose,
                             ChannelKind kind, String address, String subject, String body, int attempt, int sendTries,
                             Instant createdAt, String cnpj, String conversationState) {

    public static final String OUTREACH = "OUTREACH";
    public static final String OPT_OUT_CONFIRMATION = "OPT_OUT_CONFIRMATION";

    public boolean outreach() {
        return OUTREACH.equals(purpose);
    }

    public OutgoingMessage outgoing() {
        return new OutgoingMessage(id, tenantId, kind, address, subject, body, createdAt);
    }
}
