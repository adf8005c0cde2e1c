package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.BillingState;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.Qualification;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Leads, one per (tenant, company), always read and written within one tenant. */
@ApplicationScoped
public class LeadStore {

    private static final String COLUMNS = """
            id, tenant_id, cnpj, qualification_run_id, conversation_id, score, billing_state, debit_id, qualified_at,
            billing_updated_at""";
    private static final String INSERT = """
            insert into lead (id, tenant_id, cnpj, qualification_run_id, conversation_id, score)
            values ($1, $2, $3, $4, $5, $6)
            on conflict on constraint one_lead_per_company do nothing returning\s""" + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from lead where tenant_id = $1 and id = $2";
    private static final String FIND_BY_COMPANY = "select " + COLUMNS + " from lead where tenant_id = $1 and cnpj = $2";
    private static final String MARK_CHARGED = """
            update lead set billing_state = 'CHARGED', debit_id = $3, billing_updated_at = clock_timestamp()
            where tenant_id = $1 and id = $2""";
    // The state guard is in the statement, not read beforehand: a concurrent charge of the same lead makes this
    // update wait, then re-check the row it committed, so a late rejection can never overwrite a charge.
    private static final String MARK_LOCKED = """
            update lead set billing_state = 'LOCKED', debit_id = $3, billing_updated_at = clock_timestamp()
            where tenant_id = $1 and id = $2 and billing_state <> 'CHARGED'""";

    /** Inserts the lead; empty if the tenant already has one for this company (which is left as it was). */
    public Uni<Optional<Lead>> insert(SqlClient tx, Qualification qualification) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(UUID.randomUUID(), qualification.tenantId(),
                        qualification.cnpj().value(), qualification.qualificationRunId(), qualification.conversationId(),
                        qualification.score())))
                .map(LeadStore::first);
    }

    public Uni<Optional<Lead>> find(SqlClient client, String tenantId, UUID leadId) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId, leadId)).map(LeadStore::first);
    }

    public Uni<Optional<Lead>> findByCompany(SqlClient client, String tenantId, String cnpj) {
        return client.preparedQuery(FIND_BY_COMPANY).execute(Tuple.of(tenantId, cnpj)).map(LeadStore::first);
    }

    /** Marks the lead charged by {@code debitId}; false if the tenant has no such lead. */
    public Uni<Boolean> markCharged(SqlClient tx, String tenantId, UUID leadId, String debitId) {
        return tx.preparedQuery(MARK_CHARGED).execute(Tuple.of(tenantId, leadId, debitId)).map(rows -> rows.rowCount() == 1);
    }

    /** Marks the lead locked by {@code pendingDebitId}; false if the tenant has no such lead or it is charged. */
    public Uni<Boolean> markLocked(SqlClient tx, String tenantId, UUID leadId, String pendingDebitId) {
        return tx.preparedQuery(MARK_LOCKED).execute(Tuple.of(tenantId, leadId, pendingDebitId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Lead> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toLead(rows.iterator().next()));
    }

    private static Lead toLead(Row row) {
        OffsetDateTime billingUpdatedAt = row.getOffsetDateTime("billing_updated_at");
        return new Lead(row.getUUID("id"), row.getString("tenant_id"), row.getString("cnpj"),
                row.getString("qualification_run_id"), row.getString("conversation_id"), row.getInteger("score"),
                BillingState.valueOf(row.getString("billing_state")), row.getString("debit_id"),
                row.getOffsetDateTime("qualified_at").toInstant(),
                billingUpdatedAt == null ? null : billingUpdatedAt.toInstant());
    }
}
