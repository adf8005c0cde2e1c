package com.dominusleads.messaging.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each tenant's next free send slot across its channels (its send rate), shared by every instance. */
@ApplicationScoped
public class TenantPacingStore {

    /** The tenants' next slots, locked in tenant order until the transaction ends. */
    public Uni<Map<String, Instant>> lock(SqlClient tx, List<String> tenantIds) {
        String[] tenants = tenantIds.stream().sorted().toArray(String[]::new);
        return tx.preparedQuery("insert into tenant_send_slot (tenant_id, next_slot_at)"
                        + " select t, 'epoch' from unnest($1::text[]) as t on conflict (tenant_id) do nothing")
                .execute(Tuple.of((Object) tenants))
                .chain(() -> tx.preparedQuery("select tenant_id, next_slot_at from tenant_send_slot"
                                + " where tenant_id = any($1) order by tenant_id for update")
                        .execute(Tuple.of((Object) tenants)))
                .map(rows -> {
                    Map<String, Instant> slots = new HashMap<>();
                    for (Row row : rows) {
                        var next = row.getOffsetDateTime("next_slot_at");
                        slots.put(row.getString("tenant_id"), next == null ? Instant.EPOCH : next.toInstant());
                    }
                    return slots;
                });
    }

    public Uni<Void> save(SqlClient tx, Map<String, Instant> slots) {
        return slots.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update tenant_send_slot set next_slot_at = $2 where tenant_id = $1")
                .executeBatch(slots.entrySet().stream()
                        .map(slot -> Tuple.of(slot.getKey(), slot.getValue().atOffset(ZoneOffset.UTC))).toList())
                .replaceWithVoid();
    }
}
