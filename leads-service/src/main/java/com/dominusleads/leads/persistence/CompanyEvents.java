package com.dominusleads.leads.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A company's timeline for a tenant, appended in the transaction of what it records (never rewritten): selected,
 * queued, messages both ways, classified, reviewed, qualified, charged or locked, opted out, CRM changes.
 */
@ApplicationScoped
public class CompanyEvents {

    /** What happened, when, and who did it (null: the suite itself). */
    public record Entry(String kind, Instant at, String actor, Map<String, Object> data) {
    }

    /** One event to append: a company, what happened to it, and its details. */
    public record Event(String cnpj, String kind, Map<String, Object> data) {
    }

    private static final String APPEND = """
            insert into company_event (tenant_id, cnpj, kind, actor, data)
            select $1, cnpj, kind, $2, data from unnest($3::text[], $4::text[], $5::jsonb[]) as e(cnpj, kind, data)""";
    private static final String OF_COMPANY = """
            select kind, at, actor, data from company_event where tenant_id = $1 and cnpj = $2 order by at, id""";

    public Uni<Void> append(SqlClient tx, String tenantId, String actor, String cnpj, String kind,
                            Map<String, Object> data) {
        return appendAll(tx, tenantId, actor, List.of(new Event(cnpj, kind, data)));
    }

    public Uni<Void> appendAll(SqlClient tx, String tenantId, String actor, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(APPEND).execute(Tuple.tuple().addString(tenantId).addString(actor)
                .addArrayOfString(events.stream().map(Event::cnpj).toArray(String[]::new))
                .addArrayOfString(events.stream().map(Event::kind).toArray(String[]::new))
                .addArrayOfJsonObject(events.stream().map(event -> new JsonObject(event.data()))
                        .toArray(JsonObject[]::new))).replaceWithVoid();
    }

    public Uni<List<Entry>> of(SqlClient client, String tenantId, String cnpj) {
        return client.preparedQuery(OF_COMPANY).execute(Tuple.of(tenantId, cnpj)).map(rows -> {
            List<Entry> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(new Entry(row.getString("kind"), row.getOffsetDateTime("at").toInstant(),
                        row.getString("actor"), row.getJsonObject("data").getMap()));
            }
            return entries;
        });
    }
}
