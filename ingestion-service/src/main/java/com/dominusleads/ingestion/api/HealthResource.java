package com.dominusleads.ingestion.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /health} of the api-cnaes contract: up, and which release answers. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final Pool pool;

    public HealthResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    public Uni<JsonObject> health() {
        return pool.query("select id, live_at from release where status = 'LIVE'").execute().map(rows -> {
            var it = rows.iterator();
            JsonObject health = new JsonObject().put("status", "ok");
            if (it.hasNext()) {
                var row = it.next();
                health.put("release", row.getString("id")).put("live_since", row.getOffsetDateTime("live_at").toString());
            } else {
                health.put("release", (String) null);
            }
            return health;
        });
    }
}
