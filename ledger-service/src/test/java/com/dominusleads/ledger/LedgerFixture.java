package com.dominusleads.ledger;

import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.events.lead.LeadQualified;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events and read-backs the ledger's tests share: what a tenant's ledger holds, read straight from its tables. */
public final class LedgerFixture {

    private static final Duration QUERY = Duration.ofSeconds(30);

    private final Pool pool;

    public LedgerFixture(Pool pool) {
        this.pool = pool;
    }

    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static LeadQualified leadQualified(String tenantId, String leadId) {
        return LeadQualified.newBuilder().setTenantId(tenantId).setLeadId(leadId).setCnpj("11222333000181")
                .setQualificationRunId("run-1").setScore(80)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    public static CreditGranted creditGranted(String tenantId, String grantId, long credits) {
        return CreditGranted.newBuilder().setTenantId(tenantId).setGrantId(grantId).setCredits(credits)
                .setReason("PURCHASE").setReference("Pack " + credits)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    public long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(QUERY).iterator().next().getLong(0);
    }

    public long balance(String tenantId) {
        return count("select coalesce((select balance from account where tenant_id = $1), 0)", tenantId);
    }

    public long debits(String tenantId, String status) {
        return count("select count(*) from debit where tenant_id = $1 and status = $2", tenantId, status);
    }

    public long debitMovements(String tenantId) {
        return count("select count(*) from movement where tenant_id = $1 and kind = 'DEBIT'", tenantId);
    }

    /** Lead ids in the order their debits were charged. */
    public List<String> chargeOrder(String tenantId) {
        List<String> leads = new ArrayList<>();
        for (Row row : pool.preparedQuery("select lead_id from debit where tenant_id = $1 and status = 'CHARGED'"
                + " order by (select min(e.id) from entry e where e.movement_id = debit.movement_id)")
                .execute(Tuple.of(tenantId)).await().atMost(QUERY)) {
            leads.add(row.getString(0));
        }
        return leads;
    }
}
