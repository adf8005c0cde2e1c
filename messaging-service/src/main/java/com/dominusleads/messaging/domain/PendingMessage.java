package com.dominusleads.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An outgoing message on its way: scheduled, being sent, or in doubt. {@code channelId} is null until the dispatcher
 * picks one of the tenant's channels of {@code kind}; {@code attempt} is the step of the conversation's plan.
 * {@code sendTries} counts the claims to send it (the fence its answers are applied under), {@code failures} the
 * transient failures so far; {@code firstTryAt} and {@code triedAt} are the slots of its first and latest try.
 */
public record PendingMessage(UUID id, String tenantId, UUID conversationId, UUID channelId, String purpose,
                             ChannelKind kind, String address, String subject, String body, int attempt, int sendTries,
                             int failures, Instant firstTryAt, Instant triedAt, String cnpj, String conversationState) {

    public static final String OUTREACH = "OUTREACH";
    public static final String OPT_OUT_CONFIRMATION = "OPT_OUT_CONFIRMATION";

    /** A message about to be recorded, never tried yet. */
    public static PendingMessage toSend(UUID id, String tenantId, UUID conversationId, UUID channelId, String purpose,
                                        ChannelKind kind, String address, String subject, String body, int attempt,
                                        String cnpj, String conversationState) {
        return new PendingMessage(id, tenantId, conversationId, channelId, purpose, kind, address, subject, body,
                attempt, 0, 0, null, null, cnpj, conversationState);
    }

    public boolean outreach() {
        return OUTREACH.equals(purpose);
    }

    /** This message as its next try, through {@code channel} at {@code at}: what markSending records. */
    public PendingMessage tried(UUID channel, Instant at) {
        return new PendingMessage(id, tenantId, conversationId, channel, purpose, kind, address, subject, body, attempt,
                sendTries + 1, failures, firstTryAt == null ? at : firstTryAt, at, cnpj, conversationState);
    }

    public OutgoingMessage outgoing() {
        return new OutgoingMessage(id, tenantId, kind, address, subject, body, firstTryAt, triedAt);
    }
}
