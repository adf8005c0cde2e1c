package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.ContactAddress;
import com.dominusleads.messaging.domain.Suppression;
import com.dominusleads.messaging.persistence.SuppressionStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.util.List;

/**
 * The suppression lists: a tenant's own ({@code /api/messaging/suppressions}: opt-outs and contacts added by its
 * users) and the platform-wide one every tenant honours ({@code /api/messaging/platform-suppressions}, host operators).
 * Nothing is sent to a suppressed address, or to a company whose contact opted out, on any channel.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/messaging")
public class SuppressionsResource {

    public record AddRequest(@NotBlank @Size(max = 320) String address, @Size(max = 500) String reason) {
    }

    private final SuppressionStore store;
    private final TenantTransactions transactions;
    private final Caller caller;

    public SuppressionsResource(SuppressionStore store, TenantTransactions transactions, Caller caller) {
        this.store = store;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Path("/suppressions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<List<Suppression>> list(@QueryParam("after") @Size(max = 320) String after,
                                       @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        String tenant = caller.tenantId();
        return transactions.forTenant(tenant, tx -> store.list(tx, tenant, after, limit));
    }

    @POST
    @Path("/suppressions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<Response> add(@Valid @NotNull AddRequest request) {
        String tenant = caller.tenantId();
        Suppression suppression = new Suppression(tenant, address(request.address()), null, "MANUAL", null,
                request.reason(), Instant.now());
        return transactions.forTenant(tenant, tx -> store.add(tx, suppression))
                .map(added -> Response.status(added ? 201 : 200).entity(suppression).build());
    }

    /** Lifts a suppression a user added. A contact's own opt-out is the contact's choice (LGPD): users cannot lift it. */
    @DELETE
    @Path("/suppressions/{address}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> remove(@PathParam("address") String address) {
        String tenant = caller.tenantId();
        String canonical = address(address);
        return transactions.forTenant(tenant, tx -> store.source(tx, tenant, canonical)
                        .chain(source -> {
                            if (source.isEmpty()) {
                                throw ApiException.notFound("suppression_not_found", canonical + " is not suppressed");
                            }
                            if (!"MANUAL".equals(source.get())) {
                                throw ApiException.conflict("opted_out", canonical + " opted out themselves;"
                                        + " users cannot lift that");
                            }
                            return store.remove(tx, tenant, canonical);
                        }))
                .map(removed -> Response.noContent().build());
    }

    @GET
    @Path("/platform-suppressions")
    @RolesAllowed(Roles.HOST_ADMIN)
    public Uni<List<Suppression>> platformList(@QueryParam("after") @Size(max = 320) String after,
                                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return transactions.acrossTenants(tx -> store.list(tx, Suppression.PLATFORM, after, limit));
    }

    @POST
    @Path("/platform-suppressions")
    @RolesAllowed(Roles.HOST_ADMIN)
    public Uni<Response> platformAdd(@Valid @NotNull AddRequest request) {
        Suppression suppression = new Suppression(Suppression.PLATFORM, address(request.address()), null, "PLATFORM",
                null, request.reason(), Instant.now());
        return transactions.acrossTenants(tx -> store.add(tx, suppression))
                .map(added -> Response.status(added ? 201 : 200).entity(suppression).build());
    }

    @DELETE
    @Path("/platform-suppressions/{address}")
    @RolesAllowed(Roles.HOST_ADMIN)
    public Uni<Response> platformRemove(@PathParam("address") String address) {
        String canonical = address(address);
        return transactions.acrossTenants(tx -> store.remove(tx, Suppression.PLATFORM, canonical))
                .map(removed -> {
                    if (!removed) {
                        throw ApiException.notFound("suppression_not_found", canonical + " is not suppressed");
                    }
                    return Response.noContent().build();
                });
    }

    private static String address(String raw) {
        return ContactAddress.canonical(raw).orElseThrow(() -> ApiException.badRequest("invalid_address",
                "address must be a phone number in E.164 or an e-mail address"));
    }
}
