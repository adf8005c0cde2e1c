package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.TenantAccount;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's balance as its users see it: credits, debits waiting for credits, and the warning threshold. */
@ApplicationScoped
public class BalanceQuery {

    /** {@code pendingDebits}: qualified leads waiting for credits (locked in the CRM until paid). */
    public record Balance(String tenantId, long balance, long pendingDebits, long lowBalanceThreshold) {
    }

    private final Pool pool;
    private final AccountStore accounts;
    private final DebitStore debits;

    public BalanceQuery(Pool pool, AccountStore accounts, DebitStore debits) {
        this.pool = pool;
        this.accounts = accounts;
        this.debits = debits;
    }

    public Uni<Balance> of(String tenantId) {
        return accounts.find(pool, tenantId).chain(found -> debits.countPending(pool, tenantId).map(pending -> {
            TenantAccount account = found.orElseGet(() -> TenantAccount.opening(tenantId));
            return new Balance(tenantId, account.balance(), pending, account.lowBalanceThreshold());
        }));
    }
}
