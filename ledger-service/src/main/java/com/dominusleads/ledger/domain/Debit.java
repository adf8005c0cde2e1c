package com.dominusleads.ledger.domain;

import java.util.UUID;

/** The debit owed for one qualified lead: pending until the tenant can pay, then charged by a movement. */
public record Debit(UUID id, String tenantId, String leadId, DebitStatus status, UUID movementId, UUID reversalId) {

    public enum DebitStatus { PENDING, CHARGED }

    public boolean reversed() {
        return reversalId != null;
    }
}
