package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead as the CRM shows it. Until the lead is paid for (CHARGED) or was imported (NOT_BILLED), its contacts are
 * hidden: {@code contacts} is empty, the company's phones and e-mails are left out, and {@code contactsHidden} says so.
 *
 * @param origin QUALIFICATION (the suite qualified it) or IMPORT (from the tenant's CSV)
 */
public record LeadDetail(UUID id, String cnpj, String companyName, Map<String, Object> company,
                         List<SelectionPicker.Contact> contacts, boolean contactsHidden, String origin, String owner,
                         UUID pipelineId, String stage, List<String> tags, int score, BillingState billingState,
                         String qualificationRunId, String conversationId, Instant qualifiedAt, Instant updatedAt) {

    /** Whether the tenant may see how to reach it: paid for, or its own (imported). */
    public static boolean contactsVisible(BillingState state) {
        return state == BillingState.CHARGED || state == BillingState.NOT_BILLED;
    }
}
