package com.dominusleads.messaging.persistence;

import com.dominusleads.messaging.config.MessagingDefaults;
import com.dominusleads.messaging.domain.TenantSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The latest settings each tenant published (tenant.settings-changed), with the service's defaults under them. */
@ApplicationScoped
public class SettingsStore {

    private final MessagingDefaults defaults;

    public SettingsStore(MessagingDefaults defaults) {
        this.defaults = defaults;
    }

    /** Keeps {@code settings} unless newer ones were stored already (events of one tenant may be replayed). */
    public Uni<Void> save(SqlClient tx, String tenantId, Map<String, String> settings, Instant changedAt) {
        return tx.preparedQuery("insert into tenant_settings (tenant_id, settings, updated_at) values ($1, $2, $3)"
                        + " on conflict (tenant_id) do update set settings = excluded.settings,"
                        + " updated_at = excluded.updated_at where tenant_settings.updated_at <= excluded.updated_at")
                .execute(Tuple.of(tenantId, new JsonObject(new HashMap<>(settings)),
                        changedAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<TenantSettings> load(SqlClient tx, String tenantId) {
        return tx.preparedQuery("select settings from tenant_settings where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    Map<String, String> values = new HashMap<>();
                    for (Row row : rows) {
                        row.getJsonObject("settings").forEach(entry ->
                                values.put(entry.getKey(), String.valueOf(entry.getValue())));
                    }
                    return TenantSettings.of(tenantId, values, defaults);
                });
    }
}
