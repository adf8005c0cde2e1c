package com.dominusleads.ledger.domain;

import java.util.UUID;

/**
 * One business fact of the ledger (a grant, a debit, a reversal) as the pair of entries it writes: {@code from}
 * gives the amount, {@code to} receives it, so every movement sums to zero.
 */
public record Movement(UUID id, String tenantId, MovementKind kind, String reference, String reason, String actor,
                       UUID reverses, Entry from, Entry to) {

    /** One side of a movement: {@code amount} on {@code accountId}, and the tenant balance it leaves (or null). */
    public record Entry(String accountId, long amount, Long balanceAfter) {
    }

    public Movement {
        if (from.amount() != -to.amount() || to.amount() <= 0) {
            throw new IllegalArgumentException("a movement moves a positive amount: " + from + " / " + to);
        }
    }

    public static Movement of(String tenantId, MovementKind kind, String reference, String reason, String actor,
                              UUID reverses, Entry from, Entry to) {
        return new Movement(UUID.randomUUID(), tenantId, kind, reference, reason, actor, reverses, from, to);
    }
}
