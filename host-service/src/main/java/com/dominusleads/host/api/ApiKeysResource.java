package com.dominusleads.host.api;

import com.dominusleads.host.domain.ApiKey;
import com.dominusleads.host.domain.ApiKeys;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Host operators issue API keys for machine access: for a tenant (scopes tenant-admin, sales, viewer) or for the
 * platform ({@code tenantId} omitted, scope host-admin). The key itself is in the creation response only.
 */
@Path("/api/host/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class ApiKeysResource {

    public record CreateRequest(@NotBlank @Size(max = 200) String name,
                                @Pattern(regexp = TenantsResource.TENANT_ID) String tenantId,
                                @NotEmpty @Size(max = 4) List<@NotBlank String> scopes,
                                Instant expiresAt) {
    }

    /** The creation response: {@code key} is shown this once and never again. */
    public record Created(String key, ApiKey apiKey) {
    }

    private final ApiKeys keys;
    private final Caller caller;

    public ApiKeysResource(ApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        return keys.issue(request.tenantId(), request.name().strip(), request.scopes(), request.expiresAt(),
                        caller.name())
                .map(issued -> Response.created(URI.create("/api/host/api-keys/" + issued.key().id()))
                        .entity(new Created(issued.value(), issued.key())).build());
    }

    @GET
    public Uni<List<ApiKey>> list(@QueryParam("tenantId") @Pattern(regexp = TenantsResource.TENANT_ID) String tenantId,
                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return keys.list(tenantId, limit);
    }

    /** Revokes the key: services stop accepting it within their cache time (30 s). */
    @DELETE
    @Path("/{id}")
    public Uni<ApiKey> revoke(@PathParam("id") UUID id) {
        return keys.revoke(id);
    }
}
