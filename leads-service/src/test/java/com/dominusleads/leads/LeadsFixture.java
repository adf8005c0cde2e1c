package com.dominusleads.leads;

import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.leads.domain.Qualification;
import com.dominusleads.events.Cnpj;
import com.dominusleads.testsupport.ServiceDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** Leads, ledger events and read-backs the leads service's tests share, read straight from its tables. */
public final class LeadsFixture {

    public static final String CNPJ = "11222333000181";
    public static final String OTHER_CNPJ = "11444777000161";
    public static final String THIRD_CNPJ = "22333444000181";


    /** A lead's billing columns. */
    public record Billing(String state, String debitId, Instant updatedAt) {
    }

    private final ServiceDatabase database;
    private final LeadQualification qualification;

    public LeadsFixture(Pool pool, LeadQualification qualification) {
        this.database = new ServiceDatabase(pool);
        this.qualification = qualification;
    }

    /** Qualifies {@code cnpj} for {@code tenantId} as the API does, and returns the lead. */
    public Lead qualify(String tenantId, String cnpj) {
        Qualification company = new Qualification(tenantId, new Cnpj(cnpj), "run-1", null, 80);
        return database.inTenant(tenantId, tx -> qualification.qualify(tx, company)).lead();
    }

    /** An empty selection of {@code tenantId}'s, written as the service writes it; returns its id. */
    public String selectionOf(String tenantId, String name) {
        UUID id = UUID.randomUUID();
        database.inTenant(tenantId, tx -> tx.preparedQuery(
                "insert into selection (id, tenant_id, name, created_by) values ($1, $2, $3, 'fixture')")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id, tenantId, name)));
        return id.toString();
    }

    public long count(String sql, Object... args) {
        return database.count(sql, args);
    }

    public Billing billing(UUID leadId) {
        Row row = database.query("select billing_state, debit_id, billing_updated_at from lead where id = $1", leadId)
                .iterator().next();
        return new Billing(row.getString(0), row.getString(1),
                row.getOffsetDateTime(2) == null ? null : row.getOffsetDateTime(2).toInstant());
    }

    /** True once the consumer has committed the event (its effect, if any, is committed with it). */
    public boolean processed(UUID eventId) {
        return database.processed(eventId);
    }

    public long qualifiedEventsInOutbox(String tenantId) {
        return count("select count(*) from outbox where event_type = 'lead.qualified' and tenant_id = $1", tenantId);
    }
}
