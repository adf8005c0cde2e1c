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

/** "Buscas recentes": each user's last distinct searches, newest first. */
@ApplicationScoped
public class RecentSearchStore {

    /** A search as the user made it, with how many companies it matched then. */
    public record RecentSearch(String label, Map<String, Object> filters, Long totalItems, boolean estimated,
                               Instant searchedAt) {
    }

    // The same filters searched again move to the top; beyond the newest $6, the user's older searches go.
    private static final String RECORD = """
            with saved as (
                insert into recent_search (tenant_id, user_id, criteria_key, criteria, total_items, estimated)
                values ($1, $2, $3, $4, $5, $7)
                on conflict (tenant_id, user_id, criteria_key) do update
                set criteria = excluded.criteria, total_items = excluded.total_items, estimated = excluded.estimated,
                    searched_at = clock_timestamp()
                returning criteria_key)
            delete from recent_search
            where tenant_id = $1 and user_id = $2 and criteria_key not in (select criteria_key from saved)
              and criteria_key not in (select criteria_key from recent_search where tenant_id = $1 and user_id = $2
                                       order by searched_at desc limit $6 - 1)""";
    private static final String LIST = """
            select criteria, total_items, estimated, searched_at from recent_search
            where tenant_id = $1 and user_id = $2 order by searched_at desc limit $3""";

    public Uni<Void> record(SqlClient tx, String tenantId, String userId, String key, String label,
                            Map<String, Object> filters, Long totalItems, boolean estimated, int keep) {
        JsonObject criteria = new JsonObject().put("label", label).put("filters", new JsonObject(filters));
        return tx.preparedQuery(RECORD).execute(Tuple.tuple().addString(tenantId).addString(userId).addString(key)
                .addValue(criteria).addLong(totalItems).addInteger(keep).addBoolean(estimated)).replaceWithVoid();
    }

    public Uni<List<RecentSearch>> list(SqlClient client, String tenantId, String userId, int limit) {
        return client.preparedQuery(LIST).execute(Tuple.of(tenantId, userId, limit)).map(rows -> {
            List<RecentSearch> searches = new ArrayList<>(rows.size());
            for (Row row : rows) {
                JsonObject criteria = row.getJsonObject("criteria");
                searches.add(new RecentSearch(criteria.getString("label"), criteria.getJsonObject("filters").getMap(),
                        row.getLong("total_items"), row.getBoolean("estimated"),
                        row.getOffsetDateTime("searched_at").toInstant()));
            }
            return searches;
        });
    }
}
