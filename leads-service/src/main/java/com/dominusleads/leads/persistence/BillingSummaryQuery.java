package com.dominusleads.leads.persistence;

import io.smallrye.mutiny.Uni;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** How many of a tenant's leads are awaiting their charge, charged, and locked for lack of credits. */
@ApplicationScoped
public class BillingSummaryQuery {

    public record BillingSummary(String tenantId, long awaitingCharge, long charged, long locked) {
    }

    // The three counts in one scan of the tenant's leads.
    private static final String COUNTS = """
            select count(*) filter (where billing_state = 'AWAITING_CHARGE'),
                   count(*) filter (where billing_state = 'CHARGED'),
                   count(*) filter (where billing_state = 'LOCKED')
            from lead where tenant_id = $1""";

    private final TenantTransactions transactions;

    public BillingSummaryQuery(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<BillingSummary> of(String tenantId) {
        return transactions.forTenant(tenantId, tx -> tx.preparedQuery(COUNTS).execute(Tuple.of(tenantId))).map(rows -> {
            var row = rows.iterator().next();
            return new BillingSummary(tenantId, row.getLong(0), row.getLong(1), row.getLong(2));
        });
    }
}
