package com.dominusleads.leads;

import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.leads.domain.Qualification;
import com.dominusleads.events.Cnpj;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Leads, ledger events and read-backs the leads service's tests share, read straight from its tables. */
public final class LeadsFixture {

    public static final String CNPJ = "11222333000181";
    public static final String OTHER_CNPJ = "11444777000161";
    public static final String THIRD_CNPJ = "22333444000181";

    private static final Duration QUERY = Duration.ofSeconds(30);

    /** A lead's billing columns. */
    public record Billing(String state, String debitId, Instant updatedAt) {
    }

    private final Pool pool;
    private final LeadQualification qualification;

    public LeadsFixture(Pool pool, LeadQualification qualification) {
        this.pool = pool;
        this.qualification = qualification;
    }

    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CreditDebited creditDebited(String tenantId, String leadId, String debitId) {
        return CreditDebited.newBuilder().setTenantId(tenantId).setDebitId(debitId).setLeadId(leadId).setCredits(1)
                .setBalanceAfter(4).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    public static CreditDebitRejected creditDebitRejected(String tenantId, String leadId, String pendingDebitId) {
        return CreditDebitRejected.newBuilder().setTenantId(tenantId).setPendingDebitId(pendingDebitId)
                .setLeadId(leadId).setReason("INSUFFICIENT_BALANCE").setBalance(0)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    /** Qualifies {@code cnpj} for {@code tenantId} as the API does, and returns the lead. */
    public Lead qualify(String tenantId, String cnpj) {
        Qualification company = new Qualification(tenantId, new Cnpj(cnpj), "run-1", null, 80);
        return pool.withTransaction(tx -> qualification.qualify(tx, company)).await().atMost(QUERY).lead();
    }

    public long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(QUERY).iterator().next().getLong(0);
    }

    public Billing billing(UUID leadId) {
        Row row = pool.preparedQuery("select billing_state, debit_id, billing_updated_at from lead where id = $1")
                .execute(Tuple.of(leadId)).await().atMost(QUERY).iterator().next();
        return new Billing(row.getString(0), row.getString(1),
                row.getOffsetDateTime(2) == null ? null : row.getOffsetDateTime(2).toInstant());
    }

    /** True once the consumer has committed the event (its effect, if any, is committed with it). */
    public boolean processed(UUID eventId) {
        return count("select count(*) from processed_event where event_id = $1", eventId) == 1;
    }

    public long qualifiedEventsInOutbox(String tenantId) {
        return count("select count(*) from outbox where event_type = 'lead.qualified' and tenant_id = $1", tenantId);
    }
}
