package com.dominusleads.ledger.domain;

/**
 * A tenant's credit account as read under its row lock: the balance and the low-balance warning state. Movements are
 * computed here, then written; the database's check constraints refuse a negative balance even if this code erred.
 */
public record TenantAccount(String tenantId, long balance, long lowBalanceThreshold, boolean lowBalanceNotified) {

    /** A new account's warning threshold (the column default in V1__ledger.sql). */
    public static final long DEFAULT_LOW_BALANCE_THRESHOLD = 10;

    public static String accountId(String tenantId) {
        return "tenant/" + tenantId;
    }

    public String accountId() {
        return accountId(tenantId);
    }

    public boolean canPay(long credits) {
        return balance >= credits;
    }

    /** The account after paying {@code credits}; the warning is raised when this payment crosses the threshold. */
    public TenantAccount debited(long credits) {
        if (!canPay(credits)) {
            throw new IllegalStateException("tenant " + tenantId + " cannot pay " + credits + " with " + balance);
        }
        long after = balance - credits;
        return new TenantAccount(tenantId, after, lowBalanceThreshold, lowBalanceNotified || after <= lowBalanceThreshold);
    }

    /** The account after receiving {@code credits}; rising above the threshold re-arms the warning. */
    public TenantAccount credited(long credits) {
        long after = balance + credits;
        return new TenantAccount(tenantId, after, lowBalanceThreshold, lowBalanceNotified && after <= lowBalanceThreshold);
    }

    /** True when going from {@code before} to this state crossed the threshold downwards (warn once per crossing). */
    public boolean crossedLowBalanceFrom(TenantAccount before) {
        return lowBalanceNotified && !before.lowBalanceNotified;
    }

    public TenantAccount withThreshold(long threshold) {
        return new TenantAccount(tenantId, balance, threshold, balance <= threshold && lowBalanceNotified);
    }
}
