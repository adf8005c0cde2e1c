package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Activity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Calls, meetings and tasks on leads. */
@ApplicationScoped
public class ActivityStore {

    private static final String COLUMNS = "id, kind, title, due_at, done_at, author, created_at";
    private static final String INSERT = """
            insert into lead_activity (id, tenant_id, lead_id, kind, title, due_at, author)
            values ($1, $2, $3, $4, $5, $6, $7) returning\s""" + COLUMNS;
    // Open ones first, by due date (undated last), then the done ones, most recent first.
    private static final String OF_LEAD = "select " + COLUMNS + """
             from lead_activity where tenant_id = $1 and lead_id = $2
            order by done_at is not null, due_at nulls last, done_at desc, created_at""";
    private static final String DONE = """
            update lead_activity set done_at = coalesce(done_at, clock_timestamp())
            where tenant_id = $1 and lead_id = $2 and id = $3 returning\s""" + COLUMNS;

    public Uni<Activity> add(SqlClient tx, String tenantId, UUID leadId, String kind, String title, Instant dueAt,
                             String author) {
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(UUID.randomUUID()).addString(tenantId)
                        .addUUID(leadId).addString(kind).addString(title)
                        .addOffsetDateTime(dueAt == null ? null : dueAt.atOffset(ZoneOffset.UTC)).addString(author))
                .map(rows -> toActivity(rows.iterator().next()));
    }

    public Uni<List<Activity>> of(SqlClient client, String tenantId, UUID leadId) {
        return client.preparedQuery(OF_LEAD).execute(Tuple.of(tenantId, leadId)).map(rows -> {
            List<Activity> activities = new ArrayList<>(rows.size());
            rows.forEach(row -> activities.add(toActivity(row)));
            return activities;
        });
    }

    /** Marks it done (once: a second time keeps the first date); empty if the lead has no such activity. */
    public Uni<Optional<Activity>> done(SqlClient tx, String tenantId, UUID leadId, UUID id) {
        return tx.preparedQuery(DONE).execute(Tuple.of(tenantId, leadId, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toActivity(rows.iterator().next())));
    }

    private static Activity toActivity(Row row) {
        OffsetDateTime due = row.getOffsetDateTime("due_at");
        OffsetDateTime done = row.getOffsetDateTime("done_at");
        return new Activity(row.getUUID("id"), row.getString("kind"), row.getString("title"),
                due == null ? null : due.toInstant(), done == null ? null : done.toInstant(), row.getString("author"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
