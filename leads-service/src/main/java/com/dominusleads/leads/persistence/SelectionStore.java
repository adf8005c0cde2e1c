package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.QualificationSettings;
import com.dominusleads.leads.domain.Selection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Selections of a tenant, with their size and their pre-leads counted by status. */
@ApplicationScoped
public class SelectionStore {

    private static final String COLUMNS = """
            s.id, s.name, s.status, s.criteria, s.skipped, s.created_by, s.created_at, s.qualification_run_id,
            s.started_by, s.started_at,
            (select jsonb_build_object('selected', count(*),
                    'queued', count(*) filter (where p.status = 'QUEUED'),
                    'contacted', count(*) filter (where p.contacted_at is not null),
                    'replied', count(*) filter (where p.replied_at is not null),
                    'needsReview', count(*) filter (where p.status = 'NEEDS_REVIEW'),
                    'qualified', count(*) filter (where p.status = 'QUALIFIED'),
                    'notInterested', count(*) filter (where p.status = 'NOT_INTERESTED'),
                    'invalid', count(*) filter (where p.status = 'INVALID'),
                    'optedOut', count(*) filter (where p.status = 'OPTED_OUT'),
                    'noAnswer', count(*) filter (where p.status = 'CONTACTED' and p.contacted_at
                        < clock_timestamp() - make_interval(days => coalesce(ls.no_answer_days, """
            + QualificationSettings.DEFAULTS.noAnswerDays() + """
            ))))
             from prelead p left join lead_settings ls on ls.tenant_id = p.tenant_id
             where p.tenant_id = s.tenant_id and p.selection_id = s.id) as funnel""";
    private static final String INSERT = """
            insert into selection (id, tenant_id, name, criteria, skipped, created_by) values ($1, $2, $3, $4, $5, $6)""";
    private static final String FIND = "select " + COLUMNS + " from selection s where s.tenant_id = $1 and s.id = $2";
    private static final String LOCK = "select status from selection where tenant_id = $1 and id = $2 for update";
    // Newest first; the cursor is the last row's (created_at, id).
    private static final String PAGE = "select " + COLUMNS + """
             from selection s where s.tenant_id = $1 and ($2::timestamptz is null or (s.created_at, s.id) < ($2, $3))
            order by s.created_at desc, s.id desc limit $4""";
    private static final String START = """
            update selection set status = 'QUALIFYING', qualification_run_id = $3, started_by = $4,
                   started_at = clock_timestamp()
            where tenant_id = $1 and id = $2""";
    private static final String DELETE = "delete from selection where tenant_id = $1 and id = $2";
    /** Serialises the making of a tenant's selections: the dedupe reads and the inserts see each other. */
    private static final String TENANT_LOCK = "select pg_advisory_xact_lock(hashtextextended('selection:' || $1, 0))";

    public Uni<Void> lockTenant(SqlClient tx, String tenantId) {
        return tx.preparedQuery(TENANT_LOCK).execute(Tuple.of(tenantId)).replaceWithVoid();
    }

    public Uni<Void> insert(SqlClient tx, String tenantId, UUID id, String name, Map<String, Object> criteria,
                            Map<String, Integer> skipped, String createdBy) {
        return tx.preparedQuery(INSERT).execute(Tuple.of(id, tenantId, name,
                criteria == null ? null : new JsonObject(criteria), new JsonObject(new LinkedHashMap<>(skipped)),
                createdBy)).replaceWithVoid();
    }

    public Uni<Optional<Selection>> find(SqlClient client, String tenantId, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSelection(rows.iterator().next())));
    }

    /** Locks the selection's row for a change; its status, or empty if the tenant has no such selection. */
    public Uni<Optional<String>> lock(SqlClient tx, String tenantId, UUID id) {
        return tx.preparedQuery(LOCK).execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<List<Selection>> page(SqlClient client, String tenantId, Instant afterCreatedAt, UUID afterId, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenantId,
                        afterCreatedAt == null ? null : afterCreatedAt.atOffset(java.time.ZoneOffset.UTC), afterId, limit))
                .map(SelectionStore::all);
    }

    /** Marks the selection started by {@code by}, as qualification run {@code runId}. */
    public Uni<Void> start(SqlClient tx, String tenantId, UUID id, UUID runId, String by) {
        return tx.preparedQuery(START).execute(Tuple.of(tenantId, id, runId, by)).replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlClient tx, String tenantId, UUID id) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(tenantId, id)).map(rows -> rows.rowCount() == 1);
    }

    private static List<Selection> all(RowSet<Row> rows) {
        List<Selection> selections = new ArrayList<>(rows.size());
        rows.forEach(row -> selections.add(toSelection(row)));
        return selections;
    }

    private static Selection toSelection(Row row) {
        JsonObject criteria = row.getJsonObject("criteria");
        Map<String, Integer> skipped = counts(row.getJsonObject("skipped"));
        Selection.Funnel funnel = row.getJsonObject("funnel").mapTo(Selection.Funnel.class);
        OffsetDateTime startedAt = row.getOffsetDateTime("started_at");
        return new Selection(row.getUUID("id"), row.getString("name"), row.getString("status"),
                criteria == null ? null : criteria.getMap(), funnel.selected(), skipped, funnel, row.getString("created_by"),
                row.getOffsetDateTime("created_at").toInstant(), row.getUUID("qualification_run_id"),
                row.getString("started_by"), startedAt == null ? null : startedAt.toInstant());
    }

    private static Map<String, Integer> counts(JsonObject json) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (json != null) {
            json.forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).intValue()));
        }
        return counts;
    }
}
