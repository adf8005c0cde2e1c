package com.dominusleads.gateway.api;

import com.dominusleads.gateway.client.LocalDirectory;
import com.dominusleads.gateway.client.RemoteApiCnaes;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code GET /health} of the contract: the gateway is up; and whether each side is being called ({@code closed}) or
 * skipped after failing ({@code open}; {@code half_open} while a trial call decides).
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final LocalDirectory local;
    private final RemoteApiCnaes remote;

    public HealthResource(LocalDirectory local, RemoteApiCnaes remote) {
        this.local = local;
        this.remote = remote;
    }

    @GET
    public JsonObject health() {
        return new JsonObject().put("status", "ok")
                .put("local", new JsonObject().put("circuit", local.circuit().name().toLowerCase(Locale.ROOT)))
                .put("remote", new JsonObject().put("circuit", remote.circuit().name().toLowerCase(Locale.ROOT)));
    }
}
