package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.BillingState;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.Pipeline;
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
    // Any number of leads in one statement, in the given order (the first of two rows for one company wins), each
    // with its pre-lead's company (when it was selected here) and in the first stage of the given pipeline.
    private static final String INSERT = """
            insert into lead (id, tenant_id, cnpj, qualification_run_id, conversation_id, score, company_name, company,
                              pipeline_id, stage)
            select q.id, $2, q.cnpj, q.run_id, q.conversation_id, q.score, p.company_name, p.snapshot, $7, $8
            from unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::int[])
                 with ordinality as q(id, cnpj, run_id, conversation_id, score, position)
            left join prelead p on p.tenant_id = $2 and p.cnpj = q.cnpj
            order by q.position
            on conflict on constraint one_lead_per_company do nothing returning\s""" + COLUMNS;
    // New leads get the addresses their pre-lead was contacted at.
    private static final String COPY_CONTACTS = """
            insert into lead_contact (tenant_id, lead_id, address, kind)
            select l.tenant_id, l.id, c.address, c.kind from lead l
            join prelead_contact c on c.tenant_id = l.tenant_id and c.cnpj = l.cnpj
            where l.tenant_id = $1 and l.id = any($2)""";
    // Imported leads: the tenant's own, not billed; a company that became a lead meanwhile is left as it is.
    private static final String INSERT_IMPORTED = """
            insert into lead (id, tenant_id, cnpj, qualification_run_id, score, billing_state, origin, company_name,
                              company, owner, pipeline_id, stage, tags)
            select i.id, $1, i.cnpj, $2, 0, 'NOT_BILLED', 'IMPORT', i.name,
                   jsonb_build_object('cnpj', i.cnpj, 'legalName', i.name), i.owner, $3, i.stage,
                   coalesce((select array_agg(t) from jsonb_array_elements_text(i.tags) t), '{}')
            from unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
                 as i(id, cnpj, name, owner, stage, tags)
            on conflict on constraint one_lead_per_company do nothing returning id""";
    private static final String INSERT_CONTACTS = """
            insert into lead_contact (tenant_id, lead_id, address, kind)
            select $1, lead_id, address, kind from unnest($2::uuid[], $3::text[], $4::text[]) as c(lead_id, address, kind)
            where lead_id = any($5) on conflict do nothing""";
    private static final String FIND = "select " + COLUMNS + " from lead where tenant_id = $1 and id = $2";
    private static final String FIND_BY_COMPANIES = "select " + COLUMNS + " from lead where tenant_id = $1 and cnpj = any($2)";
    // Many charges in one statement; each row is matched on its tenant and id together.
    private static final String MARK_CHARGED = """
            update lead set billing_state = 'CHARGED', debit_id = paid.debit_id, billing_updated_at = clock_timestamp()
            from unnest($1::text[], $2::uuid[], $3::text[]) as paid(tenant_id, lead_id, debit_id)
            where lead.tenant_id = paid.tenant_id and lead.id = paid.lead_id
            returning lead.tenant_id, lead.cnpj, lead.debit_id""";
    // The state guard is in the statement, not read beforehand: a concurrent charge of the same lead makes this
    // update wait, then re-check the row it committed, so a late rejection can never overwrite a charge.
    private static final String MARK_LOCKED = """
            update lead set billing_state = 'LOCKED', debit_id = $3, billing_updated_at = clock_timestamp()
            where tenant_id = $1 and id = $2 and billing_state <> 'CHARGED' returning cnpj""";

    /**
     * Inserts the leads of companies the tenant has none for, in {@code pipeline}'s first stage, with their pre-lead's
     * company and contacts; returns those inserted (the others are left as they were).
     */
    public Uni<List<Lead>> insertAll(SqlClient tx, String tenantId, List<Qualification> qualifications,
                                     Pipeline pipeline) {
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
                        .addArrayOfInteger(scores).addUUID(pipeline.id()).addString(pipeline.stages().get(0)))
                .map(LeadStore::all)
                .call(created -> created.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery(COPY_CONTACTS).execute(Tuple.of(tenantId,
                                created.stream().map(Lead::id).toArray(UUID[]::new))));
    }

    /** Inserts imported leads with their contacts; returns how many were inserted. */
    public Uni<Integer> insertImported(SqlClient tx, String tenantId, UUID importId,
                                       List<com.dominusleads.leads.domain.LeadImport.Imported> rows, Pipeline pipeline) {
        int count = rows.size();
        UUID[] ids = new UUID[count];
        List<UUID> contactLeads = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
            for (var contact : rows.get(i).contacts()) {
                contactLeads.add(ids[i]);
                addresses.add(contact.address());
                kinds.add(contact.kind());
            }
        }
        return tx.preparedQuery(INSERT_IMPORTED).execute(Tuple.tuple().addString(tenantId)
                        .addString("import:" + importId).addUUID(pipeline.id()).addArrayOfUUID(ids)
                        .addArrayOfString(rows.stream().map(row -> row.cnpj().value()).toArray(String[]::new))
                        .addArrayOfString(rows.stream().map(row -> row.name()).toArray(String[]::new))
                        .addArrayOfString(rows.stream().map(row -> row.owner()).toArray(String[]::new))
                        .addArrayOfString(rows.stream().map(row -> row.stage()).toArray(String[]::new))
                        .addArrayOfJsonArray(rows.stream().map(row -> new io.vertx.core.json.JsonArray(row.tags()))
                                .toArray(io.vertx.core.json.JsonArray[]::new)))
                .chain(inserted -> {
                    List<UUID> created = new ArrayList<>();
                    inserted.forEach(row -> created.add(row.getUUID(0)));
                    return tx.preparedQuery(INSERT_CONTACTS).execute(Tuple.tuple().addString(tenantId)
                                    .addArrayOfUUID(contactLeads.toArray(UUID[]::new))
                                    .addArrayOfString(addresses.toArray(String[]::new))
                                    .addArrayOfString(kinds.toArray(String[]::new))
                                    .addArrayOfUUID(created.toArray(UUID[]::new)))
                            .replaceWith(created.size());
                });
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

    /** A lead marked charged: whose, which company, by which debit. */
    public record Charged(String tenantId, String cnpj, String debitId) {
    }

    /** Marks the leads charged by their debits; returns those the tenants have. */
    public Uni<List<Charged>> markCharged(SqlClient tx, List<Charge> charges) {
        return tx.preparedQuery(MARK_CHARGED).execute(Tuple.tuple()
                        .addArrayOfString(charges.stream().map(Charge::tenantId).toArray(String[]::new))
                        .addArrayOfUUID(charges.stream().map(Charge::leadId).toArray(UUID[]::new))
                        .addArrayOfString(charges.stream().map(Charge::debitId).toArray(String[]::new)))
                .map(rows -> {
                    List<Charged> charged = new ArrayList<>(rows.size());
                    rows.forEach(row -> charged.add(new Charged(row.getString(0), row.getString(1), row.getString(2))));
                    return charged;
                });
    }

    /** Marks the lead locked by {@code pendingDebitId}; its company, or empty if the tenant has no such lead or it is charged. */
    public Uni<Optional<String>> markLocked(SqlClient tx, String tenantId, UUID leadId, String pendingDebitId) {
        return tx.preparedQuery(MARK_LOCKED).execute(Tuple.of(tenantId, leadId, pendingDebitId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
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
