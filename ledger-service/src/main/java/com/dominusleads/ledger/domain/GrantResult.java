package com.dominusleads.ledger.domain;

import java.util.UUID;

/**
 * What a grant did: the movement that applied it ({@code applied} false when this grant id had been applied
 * before, and nothing changed), the balance now, and how many pending debits it settled.
 */
public record GrantResult(UUID movementId, boolean applied, long balance, int settledDebits) {
}
