package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.BillingState;
import com.dominusleads.leads.domain.LeadDetail;
import com.dominusleads.leads.domain.LeadFilter;
import com.dominusleads.leads.domain.SelectionPicker;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads as the CRM reads and changes them: with company, contacts, owner, stage and tags. */
@ApplicationScoped
public class CrmStore {

    private static final String COLUMNS = """
            l.id, l.cnpj, l.company_name, l.company, l.origin, l.owner, l.pipeline_id, l.stage, l.tags, l.score,
            l.billing_state, l.qualification_run_id, l.conversation_id, l.qualified_at, l.updated_at,
            coalesce((select jsonb_agg(jsonb_build_object('address', c.address, 'kind', c.kind) order by c.kind, c.address)
                      from lead_contact c where c.lead_id = l.id), '[]') as contacts""";
    private static final String FIND = "select " + COLUMNS + " from lead l where l.tenant_id = $1 and l.id = $2";
    private static final String LOCK = "select " + COLUMNS + " from lead l where l.tenant_id = $1 and l.id = $2 for update";
    // Absent filters are null and drop out; newest first, keyset on (qualified_at, id).
    private static final String LIST = "select " + COLUMNS + """
             from lead l where l.tenant_id = $1
              and ($2::uuid is null or l.pipeline_id = $2) and ($3::text is null or l.stage = $3)
              and ($4::text is null or l.owner = $4) and ($5::text is null or l.tags @> array[$5])
              and ($6::text is null or l.billing_state = $6)
              and ($7::text is null or l.company_name ilike '%' || $7 || '%' or l.cnpj = $7)
              and ($8::timestamptz is null or (l.qualified_at, l.id) < ($8, $9))
            order by l.qualified_at desc, l.id desc limit $10""";
    private static final String UPDATE = """
            update lead set pipeline_id = $3, stage = $4, owner = $5, tags = $6, updated_at = clock_timestamp()
            where tenant_id = $1 and id = $2""";

    public Uni<Optional<LeadDetail>> find(SqlClient client, String tenantId, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId, id)).map(rows -> first(rows));
    }

    /** The lead, locked for a change. */
    public Uni<Optional<LeadDetail>> lock(SqlClient tx, String tenantId, UUID id) {
        return tx.preparedQuery(LOCK).execute(Tuple.of(tenantId, id)).map(rows -> first(rows));
    }

    public Uni<List<LeadDetail>> list(SqlClient client, String tenantId, LeadFilter filter, int limit) {
        return client.preparedQuery(LIST).execute(Tuple.tuple().addString(tenantId).addUUID(filter.pipelineId())
                        .addString(filter.stage()).addString(filter.owner()).addString(filter.tag())
                        .addString(filter.billingState() == null ? null : filter.billingState().name())
                        .addString(filter.text())
                        .addOffsetDateTime(filter.afterAt() == null ? null : filter.afterAt().atOffset(ZoneOffset.UTC))
                        .addUUID(filter.afterId()).addInteger(limit))
                .map(rows -> {
                    List<LeadDetail> leads = new ArrayList<>(rows.size());
                    rows.forEach(row -> leads.add(toDetail(row)));
                    return leads;
                });
    }

    public Uni<Void> update(SqlClient tx, String tenantId, UUID id, UUID pipelineId, String stage, String owner,
                            List<String> tags) {
        return tx.preparedQuery(UPDATE).execute(Tuple.of(tenantId, id, pipelineId, stage, owner,
                tags.toArray(String[]::new))).replaceWithVoid();
    }

    private static Optional<LeadDetail> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toDetail(rows.iterator().next()));
    }

    /** The row as the CRM shows it: contacts hidden unless the lead is paid for or the tenant's own. */
    private static LeadDetail toDetail(Row row) {
        BillingState state = BillingState.valueOf(row.getString("billing_state"));
        boolean visible = LeadDetail.contactsVisible(state);
        JsonObject company = row.getJsonObject("company");
        Map<String, Object> shown = company == null ? null : new LinkedHashMap<>(company.getMap());
        List<SelectionPicker.Contact> contacts = new ArrayList<>();
        if (visible) {
            JsonArray listed = (JsonArray) row.getValue("contacts");
            for (int i = 0; i < listed.size(); i++) {
                contacts.add(new SelectionPicker.Contact(listed.getJsonObject(i).getString("address"),
                        listed.getJsonObject(i).getString("kind")));
            }
        } else if (shown != null) {
            shown.remove("phones");
            shown.remove("emails");
        }
        return new LeadDetail(row.getUUID("id"), row.getString("cnpj"), row.getString("company_name"), shown,
                contacts, !visible, row.getString("origin"), row.getString("owner"), row.getUUID("pipeline_id"),
                row.getString("stage"), Arrays.asList(row.getArrayOfStrings("tags")), row.getInteger("score"), state,
                row.getString("qualification_run_id"), row.getString("conversation_id"),
                row.getOffsetDateTime("qualified_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
