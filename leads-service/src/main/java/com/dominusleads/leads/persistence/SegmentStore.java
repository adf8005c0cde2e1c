package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Segment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A tenant's own segments: those it defined, its edits of the defaults, and the defaults it hid. */
@ApplicationScoped
public class SegmentStore {

    /** A tenant's row: a segment of its own (or its version of a default), or a default it removed. */
    public record Entry(Segment segment, boolean hidden) {
    }

    private static final String ALL = "select name, cnaes, hidden from segment where tenant_id = $1";
    private static final String SAVE = """
            insert into segment (tenant_id, name_key, name, cnaes, hidden, updated_by) values ($1, $2, $3, $4, $5, $6)
            on conflict (tenant_id, name_key) do update
            set name = excluded.name, cnaes = excluded.cnaes, hidden = excluded.hidden,
                updated_by = excluded.updated_by, updated_at = clock_timestamp()""";
    private static final String DELETE = "delete from segment where tenant_id = $1 and name_key = $2";

    public Uni<List<Entry>> all(SqlClient client, String tenantId) {
        return client.preparedQuery(ALL).execute(Tuple.of(tenantId)).map(rows -> {
            List<Entry> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(new Entry(new Segment(row.getString("name"),
                        Arrays.asList(row.getArrayOfIntegers("cnaes")), true), row.getBoolean("hidden")));
            }
            return entries;
        });
    }

    public Uni<Void> save(SqlClient tx, String tenantId, Segment segment, String by) {
        return write(tx, tenantId, segment, false, by);
    }

    /** Keeps a default segment out of the tenant's list. */
    public Uni<Void> hide(SqlClient tx, String tenantId, String name, String by) {
        return write(tx, tenantId, new Segment(name, List.of(), true), true, by);
    }

    public Uni<Boolean> delete(SqlClient tx, String tenantId, String nameKey) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(tenantId, nameKey)).map(rows -> rows.rowCount() == 1);
    }

    private static Uni<Void> write(SqlClient tx, String tenantId, Segment segment, boolean hidden, String by) {
        return tx.preparedQuery(SAVE).execute(Tuple.tuple().addString(tenantId).addString(segment.key())
                .addString(segment.name()).addArrayOfInteger(segment.cnaes().toArray(Integer[]::new))
                .addBoolean(hidden).addString(by)).replaceWithVoid();
    }
}
