package com.dominusleads.servicekit.tenancy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Transactions that name whose rows they may see: the second wall of tenant isolation (DESIGN §7). Every
 * tenant-scoped table has a row-level security policy ({@code dominus_row_visible(tenant_id)}, migration V0_4 of the
 * service kit) that admits a row only when the transaction's {@value #TENANT_SETTING} is the row's tenant, or when the
 * transaction declared {@value #SCOPE_SETTING} = {@value #ALL_TENANTS}. Without either it sees no row and can write
 * none, so a query that forgot its {@code where tenant_id = …} returns nothing instead of another tenant's data.
 * <p>
 * Both settings are transaction-local ({@code set_config(…, true)}): they end with the transaction and never leak to
 * the next user of a pooled connection. Services connect as a role that is neither superuser nor owner of the tables
 * (superusers and owners skip the policies); migrations run as the owner.
 */
@ApplicationScoped
public class TenantTransactions {

    public static final String TENANT_SETTING = "dominus.tenant_id";
    public static final String SCOPE_SETTING = "dominus.scope";
    public static final String ALL_TENANTS = "all";

    private static final String ENTER_TENANT = "select set_config('" + TENANT_SETTING + "', $1, true)";
    private static final String ENTER_ALL = "select set_config('" + SCOPE_SETTING + "', '" + ALL_TENANTS + "', true)";

    private final Pool pool;

    public TenantTransactions(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in a transaction that sees and writes {@code tenantId}'s rows only. */
    public <T> Uni<T> forTenant(String tenantId, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> ahead(enterTenant(tx, tenantId), tx, work));
    }

    /**
     * Runs {@code work} in a transaction that sees every tenant's rows: for host operators' cross-tenant views and for
     * consumers applying events, which name their tenant themselves.
     */
    public <T> Uni<T> acrossTenants(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> ahead(enterAllTenants(tx), tx, work));
    }

    /**
     * Sends the setting's statement and the work's first one together, without waiting for the first answer (one
     * round trip less per transaction: most transactions are a few statements). Safe because a connection runs its
     * statements in the order they were sent, so the work never runs before the setting; a setting that fails
     * aborts the transaction, and its failure is the one reported.
     */
    private static <T> Uni<T> ahead(Uni<Void> setting, SqlConnection tx, Function<SqlConnection, Uni<T>> work) {
        return Uni.combine().all().unis(setting, Uni.createFrom().deferred(() -> work.apply(tx)))
                .with((ignored, result) -> result);
    }

    /** Scopes an open transaction to {@code tenantId} (for work that must first set e.g. its isolation level). */
    public static Uni<Void> enterTenant(SqlConnection tx, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant-scoped transaction needs a tenant id");
        }
        return tx.preparedQuery(ENTER_TENANT).execute(Tuple.of(tenantId)).replaceWithVoid();
    }

    /** Opens an open transaction to every tenant's rows. */
    public static Uni<Void> enterAllTenants(SqlConnection tx) {
        return tx.query(ENTER_ALL).execute().replaceWithVoid();
    }
}
