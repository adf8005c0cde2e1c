package com.dominusleads.leads.domain;

/**
 * Whether the credit owed for a lead is paid, as the ledger last said. The ledger's two outcomes arrive on two topics
 * consumed independently, so their order is not guaranteed: a charge is final (a rejection that arrives late never
 * undoes it), while a locked lead becomes charged when credits arrive.
 */
public enum BillingState {
    /** Qualified; the ledger has not answered yet. */
    AWAITING_CHARGE,
    /** The ledger debited one credit for it ({@code credit.debited}). */
    CHARGED,
    /** The tenant had no credit ({@code credit.debit-rejected}): locked until a grant pays the pending debit. */
    LOCKED,
    /** Imported from the tenant's own records (CSV), not qualified by the suite: no credit is owed. */
    NOT_BILLED
}
