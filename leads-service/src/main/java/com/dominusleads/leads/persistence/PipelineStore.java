package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Pipeline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants' pipelines. */
@ApplicationScoped
public class PipelineStore {

    private static final String COLUMNS = "id, name, stages, is_default";
    private static final String ALL = "select " + COLUMNS + " from pipeline where tenant_id = $1 order by is_default desc, name";
    private static final String FIND = "select " + COLUMNS + " from pipeline where tenant_id = $1 and id = $2";
    // The tenant's default pipeline, created on first use (two first uses at once: one insert wins, both read it).
    private static final String ENSURE_DEFAULT = """
            insert into pipeline (id, tenant_id, name, stages, is_default) values ($1, $2, $3, $4, true)
            on conflict do nothing""";
    private static final String DEFAULT = "select " + COLUMNS + " from pipeline where tenant_id = $1 and is_default";
    private static final String INSERT = """
            insert into pipeline (id, tenant_id, name, stages, is_default) values ($1, $2, $3, $4, false)
            on conflict (tenant_id, name) do nothing returning\s""" + COLUMNS;
    private static final String UPDATE_STAGES = "update pipeline set stages = $3 where tenant_id = $1 and id = $2";
    private static final String STAGES_IN_USE = """
            select distinct stage from lead where tenant_id = $1 and pipeline_id = $2 and not (stage = any($3))""";

    public Uni<List<Pipeline>> all(SqlClient client, String tenantId) {
        return client.preparedQuery(ALL).execute(Tuple.of(tenantId)).map(PipelineStore::pipelines);
    }

    public Uni<Optional<Pipeline>> find(SqlClient client, String tenantId, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId, id))
                .map(rows -> pipelines(rows).stream().findFirst());
    }

    public Uni<Pipeline> defaultOf(SqlClient tx, String tenantId) {
        return tx.preparedQuery(ENSURE_DEFAULT).execute(Tuple.of(UUID.randomUUID(), tenantId, Pipeline.DEFAULT_NAME,
                        Pipeline.DEFAULT_STAGES.toArray(String[]::new)))
                .chain(() -> tx.preparedQuery(DEFAULT).execute(Tuple.of(tenantId)))
                .map(rows -> pipelines(rows).get(0));
    }

    /** A new pipeline; empty if the tenant has one of that name. */
    public Uni<Optional<Pipeline>> insert(SqlClient tx, String tenantId, String name, List<String> stages) {
        return tx.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), tenantId, name, stages.toArray(String[]::new)))
                .map(rows -> pipelines(rows).stream().findFirst());
    }

    public Uni<Void> updateStages(SqlClient tx, String tenantId, UUID id, List<String> stages) {
        return tx.preparedQuery(UPDATE_STAGES).execute(Tuple.of(tenantId, id, stages.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Stages leads of the pipeline are in that {@code stages} does not have. */
    public Uni<List<String>> stagesInUseOutside(SqlClient client, String tenantId, UUID id, List<String> stages) {
        return client.preparedQuery(STAGES_IN_USE).execute(Tuple.of(tenantId, id, stages.toArray(String[]::new)))
                .map(rows -> {
                    List<String> used = new ArrayList<>();
                    rows.forEach(row -> used.add(row.getString(0)));
                    return used;
                });
    }

    private static List<Pipeline> pipelines(RowSet<Row> rows) {
        List<Pipeline> pipelines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            pipelines.add(new Pipeline(row.getUUID("id"), row.getString("name"),
                    Arrays.asList(row.getArrayOfStrings("stages")), row.getBoolean("is_default")));
        }
        return pipelines;
    }
}
