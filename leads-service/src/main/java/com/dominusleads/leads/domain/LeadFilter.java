package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of a tenant's leads to list, newest first; every field is optional.
 *
 * @param text        part of the company's name or its CNPJ
 * @param afterAt     keyset cursor: list leads qualified before this instant …
 * @param afterId     … or at it with a smaller id
 */
public record LeadFilter(UUID pipelineId, String stage, String owner, String tag, BillingState billingState,
                         String text, Instant afterAt, UUID afterId) {
}
