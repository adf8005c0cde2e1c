package com.dominusleads.ledger.domain;

/** Credits to add to a tenant's account, once per {@code grantId}. */
public record Grant(String tenantId, String grantId, long credits, String reason, String reference, String actor) {

    public Grant {
        if (credits <= 0) {
            throw new IllegalArgumentException("a grant adds at least one credit, not " + credits);
        }
    }
}
