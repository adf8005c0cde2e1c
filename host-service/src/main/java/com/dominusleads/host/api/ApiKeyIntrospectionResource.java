package com.dominusleads.host.api;

import com.dominusleads.host.domain.ApiKeys;
import com.dominusleads.servicekit.apikeys.Introspection;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The suite's services ask here whether a presented API key is usable (RFC 7662's idea, JSON in and out). Only
 * services may ask (realm role {@code service}, client credentials): an anonymous oracle for keys is not offered.
 */
@Path("/api/host/api-keys/introspection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class ApiKeyIntrospectionResource {

    public record Request(@NotNull @Size(max = 200) String key) {
    }

    private final ApiKeys keys;

    public ApiKeyIntrospectionResource(ApiKeys keys) {
        this.keys = keys;
    }

    @POST
    public Uni<Introspection> introspect(@Valid @NotNull Request request) {
        return keys.introspect(request.key());
    }
}
