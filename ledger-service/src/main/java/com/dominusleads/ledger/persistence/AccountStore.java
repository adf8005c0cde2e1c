package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.TenantAccount;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenant credit accounts. Every change to one happens under its row lock, taken by {@link #lock}. */
@ApplicationScoped
public class AccountStore {

    // An upsert that always touches the row: it creates a tenant's account on first use and returns it locked
    // (FOR UPDATE semantics) until the transaction ends, so movements of one tenant are serialised.
    private static final String LOCK = """
            insert into account (id, tenant_id, kind) values ($1, $2, 'TENANT')
            on conflict (id) do update set balance = account.balance
            returning balance, low_balance_threshold, low_balance_notified""";
    private static final String UPDATE = """
            update account set balance = $2, low_balance_threshold = $3, low_balance_notified = $4 where id = $1""";

    public Uni<TenantAccount> lock(SqlClient tx, String tenantId) {
        return tx.preparedQuery(LOCK).execute(Tuple.of(TenantAccount.accountId(tenantId), tenantId))
                .map(rows -> toAccount(tenantId, rows.iterator().next()));
    }

    /** Writes a state computed from {@link #lock}'s result in the same transaction. */
    public Uni<Void> save(SqlClient tx, TenantAccount account) {
        return tx.preparedQuery(UPDATE).execute(Tuple.of(account.accountId(), account.balance(),
                account.lowBalanceThreshold(), account.lowBalanceNotified())).replaceWithVoid();
    }

    private static TenantAccount toAccount(String tenantId, Row row) {
        return new TenantAccount(tenantId, row.getLong("balance"), row.getLong("low_balance_threshold"),
                row.getBoolean("low_balance_notified"));
    }
}
