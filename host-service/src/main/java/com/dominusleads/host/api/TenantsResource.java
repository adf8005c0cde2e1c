package com.dominusleads.host.api;

import com.dominusleads.host.domain.NewTenant;
import com.dominusleads.host.domain.Tenant;
import com.dominusleads.host.domain.TenantLifecycle;
import com.dominusleads.host.domain.TenantProvisioning;
import com.dominusleads.host.domain.TenantStatus;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Host operators' tenant administration. Creating a tenant provisions its Keycloak organization and first admin
 * (who gets an e-mail to set a password): 201 once done, 202 while Keycloak is unreachable (provisioning goes on in
 * the background), 200 for a repeated request. The tenant id is chosen here and never changes.
 */
@Path("/api/host/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class TenantsResource {

    static final String TENANT_ID = "[a-z0-9][a-z0-9-]{1,62}";

    public record AdminRequest(@NotBlank @Email @Size(max = 254) String email,
                               @Size(max = 100) String firstName,
                               @Size(max = 100) String lastName) {
    }

    public record CreateRequest(
            @NotBlank @Pattern(regexp = TENANT_ID, message = "lower-case letters, digits and '-', 2 to 63 characters")
            String tenantId,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 40) String planCode,
            @Valid @NotNull AdminRequest admin) {
    }

    public record UpdateRequest(@Size(min = 1, max = 200) String displayName, @Size(min = 1, max = 40) String planCode) {
    }

    public record TenantPage(List<Tenant> tenants, String nextCursor) {
    }

    private final TenantProvisioning provisioning;
    private final TenantLifecycle lifecycle;

    public TenantsResource(TenantProvisioning provisioning, TenantLifecycle lifecycle) {
        this.provisioning = provisioning;
        this.lifecycle = lifecycle;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        NewTenant tenant = new NewTenant(request.tenantId(), request.displayName().strip(), request.planCode(),
                new Tenant.Admin(request.admin().email().strip().toLowerCase(Locale.ROOT), request.admin().firstName(),
                        request.admin().lastName()));
        return provisioning.create(tenant).map(creation -> {
            Tenant created = creation.tenant();
            int status = created.status() == TenantStatus.PROVISIONING ? 202 : creation.created() ? 201 : 200;
            return Response.status(status).location(URI.create("/api/host/tenants/" + created.tenantId()))
                    .entity(created).build();
        });
    }

    @GET
    public Uni<TenantPage> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return lifecycle.list(status(status), cursor, limit + 1).map(tenants -> tenants.size() <= limit
                ? new TenantPage(tenants, null)
                : new TenantPage(tenants.subList(0, limit), tenants.get(limit - 1).tenantId()));
    }

    @GET
    @Path("/{tenantId}")
    public Uni<Tenant> get(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return lifecycle.find(tenantId);
    }

    @PATCH
    @Path("/{tenantId}")
    public Uni<Tenant> update(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
                              @Valid @NotNull UpdateRequest request) {
        if (request.displayName() == null && request.planCode() == null) {
            throw ApiException.badRequest("nothing_to_update", "Give displayName and/or planCode.");
        }
        return lifecycle.update(tenantId, request.displayName() == null ? null : request.displayName().strip(),
                request.planCode());
    }

    /** Retries a provisioning that stopped (Keycloak was unreachable) now instead of at the next background run. */
    @POST
    @Path("/{tenantId}/provisioning")
    @Consumes(MediaType.WILDCARD)
    public Uni<Tenant> provision(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return lifecycle.find(tenantId).chain(provisioning::provision);
    }

    /** Suspends the tenant; {@code ?reason=} is shown to operators (optional). */
    @POST
    @Path("/{tenantId}/suspension")
    @Consumes(MediaType.WILDCARD)
    public Uni<Tenant> suspend(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
                               @QueryParam("reason") @Size(max = 500) String reason) {
        return lifecycle.suspend(tenantId, reason);
    }

    @DELETE
    @Path("/{tenantId}/suspension")
    public Uni<Tenant> reactivate(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return lifecycle.reactivate(tenantId);
    }

    /** Deletes the tenant: its users lose access now; its data is kept for the retention period, then purged. */
    @DELETE
    @Path("/{tenantId}")
    public Uni<Tenant> close(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
                             @QueryParam("reason") @Size(max = 500) String reason) {
        return lifecycle.close(tenantId, reason);
    }

    @POST
    @Path("/{tenantId}/reopening")
    @Consumes(MediaType.WILDCARD)
    public Uni<Tenant> reopen(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return lifecycle.reopen(tenantId);
    }

    private static TenantStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TenantStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status",
                    "status must be one of PROVISIONING, ACTIVE, SUSPENDED, CLOSED, not '" + status + "'.");
        }
    }
}
