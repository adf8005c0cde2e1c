package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.TenantAccount;
import io.smallrye.mutiny.Uni;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's balance as its users see it: credits, debits waiting for credits, and the warning threshold. */
@ApplicationScoped
public class BalanceQuery {

    /** {@code pendingDebits}: qualified leads waiting for credits (locked in the CRM until paid). */
    public record Balance(String tenantId, long balance, long pendingDebits, long lowBalanceThreshold) {
    }

    // One statement, one snapshot; a tenant without an account yet reads as a new one.
    private static final String BALANCE = """
            select a.balance, a.low_balance_threshold,
                   (select count(*) from debit where tenant_id = $2 and status = 'PENDING') as pending
            from (select 1) as one left join account a on a.id = $1""";

    private final TenantTransactions transactions;

    public BalanceQuery(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Balance> of(String tenantId) {
        return transactions.forTenant(tenantId, tx -> tx.preparedQuery(BALANCE)
                .execute(Tuple.of(TenantAccount.accountId(tenantId), tenantId))).map(rows -> {
            Row row = rows.iterator().next();
            Long balance = row.getLong("balance");
            return balance == null
                    ? new Balance(tenantId, 0, row.getLong("pending"), TenantAccount.DEFAULT_LOW_BALANCE_THRESHOLD)
                    : new Balance(tenantId, balance, row.getLong("pending"), row.getLong("low_balance_threshold"));
        });
    }
}
