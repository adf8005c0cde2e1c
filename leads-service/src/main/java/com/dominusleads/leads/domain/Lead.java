package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.UUID;

/** A company a tenant qualified, and where the credit it owes for it stands. */
public record Lead(UUID id, String tenantId, String cnpj, String qualificationRunId, String conversationId, int score,
                   BillingState billingState, String debitId, Instant qualifiedAt, Instant billingUpdatedAt) {
}
