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
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

/** Leads, one per (tenant, company), always read and written within one tenant. */
@ApplicationScoped
public class LeadStore {

    private static final String COLUMNS = """
            id, tenant_id, cnpj, qualification_run_id, conversation_id, score, billing_state, debit_id, qualified_at,
            billing_updated_at""";
    // Any number of leads in one statement, in the given order (the first of two rows for one company wins).
    private static final String INSERT = """
            insert into lead (id, tenant_id, cnpj, qualification_run_id, conversation_id, score)
            select id, $2, cnpj, run_id, conversation_id, score
            from unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::int[])
                 with ordinality as q(id, cnpj, run_id, conversation_id, score, position)
            order by position
            on conflict on constraint one_lead_per_company do nothing returning\s""" + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from lead where tenant_id = $1 and id = $2";
    private static final String FIND_BY_COMPANIES = "select " + COLUMNS + " from lead where tenant_id = $1 and cnpj = any($2)";
    // Many charges in one statement; each row is matched on its tenant and id together.
    private static final String MARK_CHARGED = """
            update lead set billing_state = 'CHARGED', debit_id = paid.debit_id, billing_updated_at = clock_timestamp()
            from unnest($1::text[], $2::uuid[], $3::text[]) as paid(tenant_id, lead_id, debit_id)
            where lead.tenant_id = paid.tenant_id and lead.id = paid.lead_id""";
    // The state guard is in the statement, not read beforehand: a concurrent charge of the same lead makes this
    // update wait, then re-check the row it committed, so a late rejection can never overwrite a charge.
    private static final String MARK_LOCKED = """
            update lead set billing_state = 'LOCKED', debit_id = $3, billing_updated_at = clock_timestamp()
            where tenant_id = $1 and id = $2 and billing_state <> 'CHARGED'""";

    /** Inserts the leads of companies the tenant has none for; returns those inserted (the others are left as they were). */
    public Uni<List<Lead>> insertAll(SqlClient tx, String tenantId, List<Qualification> qualifications) {
        int count = qualifications.size();
        UUID[] ids = new UUID[count];
        String[] cnpjs = new String[count];
        String[] runs = new String[count];
        String[] conversations = new String[count];
        Integer[] scores = new Integer[count];
        for (int i = 0; i < count; i++) {
            Qualification qualification = qualifications.get(i);
            ids[i] = UUID.randomUUID();
            cnpjs[i] = qualification.cnpj().value();
            runs[i] = qualification.qualificationRunId();
            conversations[i] = qualification.conversationId();
            scores[i] = qualification.score();
        }
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addArrayOfUUID(ids).addString(tenantId)
                        .addArrayOfString(cnpjs).addArrayOfString(runs).addArrayOfString(conversations)
                        .addArrayOfInteger(scores))
                .map(LeadStore::all);
    }

    public Uni<Optional<Lead>> find(SqlClient client, String tenantId, UUID leadId) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId, leadId)).map(LeadStore::first);
    }

    public Uni<List<Lead>> findByCompanies(SqlClient client, String tenantId, List<String> cnpjs) {
        return client.preparedQuery(FIND_BY_COMPANIES).execute(Tuple.of(tenantId, cnpjs.toArray(String[]::new)))
                .map(LeadStore::all);
    }

    /** A lead of a tenant, paid by a ledger debit. */
    public record Charge(String tenantId, UUID leadId, String debitId) {
    }

    /** Marks the leads charged by their debits; returns how many of them the tenants have. */
    public Uni<Integer> markCharged(SqlClient tx, List<Charge> charges) {
        return tx.preparedQuery(MARK_CHARGED).execute(Tuple.tuple()
                        .addArrayOfString(charges.stream().map(Charge::tenantId).toArray(String[]::new))
                        .addArrayOfUUID(charges.stream().map(Charge::leadId).toArray(UUID[]::new))
                        .addArrayOfString(charges.stream().map(Charge::debitId).toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** Marks the lead locked by {@code pendingDebitId}; false if the tenant has no such lead or it is charged. */
    public Uni<Boolean> markLocked(SqlClient tx, String tenantId, UUID leadId, String pendingDebitId) {
        return tx.preparedQuery(MARK_LOCKED).execute(Tuple.of(tenantId, leadId, pendingDebitId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static List<Lead> all(RowSet<Row> rows) {
        List<Lead> leads = new ArrayList<>(rows.size());
        rows.forEach(row -> leads.add(toLead(row)));
        return leads;
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
