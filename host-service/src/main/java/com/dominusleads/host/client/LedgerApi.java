package com.dominusleads.host.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * ledger-service's balance endpoints, called with the caller's own bearer token: the ledger applies its own rules
 * (a host operator reads any tenant, a tenant user only its own), so host-service never widens anyone's access.
 */
@Path("/api/ledger")
@Produces(MediaType.APPLICATION_JSON)
public interface LedgerApi {

    /** The ledger's answer; fields host-service does not use are ignored. */
    record Balance(String tenantId, long balance, long pendingDebits) {
    }

    /** Any tenant's balance (host-admin). */
    @GET
    @Path("/tenants/{tenantId}/balance")
    Uni<Balance> tenantBalance(@PathParam("tenantId") String tenantId,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The caller's tenant's balance (tenant users). */
    @GET
    @Path("/balance")
    Uni<Balance> ownBalance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
