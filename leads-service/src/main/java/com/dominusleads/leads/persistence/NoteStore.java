package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Note;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Notes on leads. */
@ApplicationScoped
public class NoteStore {

    private static final String INSERT = """
            insert into lead_note (id, tenant_id, lead_id, author, text) values ($1, $2, $3, $4, $5)
            returning id, author, text, created_at""";
    private static final String OF_LEAD = """
            select id, author, text, created_at from lead_note where tenant_id = $1 and lead_id = $2
            order by created_at, id""";

    public Uni<Note> add(SqlClient tx, String tenantId, UUID leadId, String author, String text) {
        return tx.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), tenantId, leadId, author, text))
                .map(rows -> toNote(rows.iterator().next()));
    }

    public Uni<List<Note>> of(SqlClient client, String tenantId, UUID leadId) {
        return client.preparedQuery(OF_LEAD).execute(Tuple.of(tenantId, leadId)).map(rows -> {
            List<Note> notes = new ArrayList<>(rows.size());
            rows.forEach(row -> notes.add(toNote(row)));
            return notes;
        });
    }

    private static Note toNote(Row row) {
        return new Note(row.getUUID("id"), row.getString("author"), row.getString("text"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
