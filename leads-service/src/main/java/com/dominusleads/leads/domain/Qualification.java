package com.dominusleads.leads.domain;

import com.dominusleads.events.Cnpj;

/** A company a tenant's qualification run found worth a credit; {@code conversationId} may be null. */
public record Qualification(String tenantId, Cnpj cnpj, String qualificationRunId, String conversationId, int score) {

    public Qualification {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a qualification score is between 0 and 100, not " + score);
        }
    }
}
