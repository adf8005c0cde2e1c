package com.dominusleads.servicekit.ledger;

import com.dominusleads.servicekit.apikeys.ApiKeyAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * ledger-service's balance endpoints, called with the caller's own credential ({@code CallerCredential}: its bearer
 * token, or the host API key it authenticated with): the ledger applies its own rules (a host operator reads any
 * tenant, a tenant user only its own), so no service widens anyone's access. Exactly one of the two credentials is
 * sent. Used by host-service (usage reports) and leads-service (the balance policy before a qualification starts).
 */
@Path("/api/ledger")
@Produces(MediaType.APPLICATION_JSON)
public interface LedgerApi {

    /** The header a host API key is presented in (as the services' API-key authentication reads it). */
    String API_KEY = ApiKeyAuthenticationMechanism.HEADER;

    /** The ledger's answer; fields the callers do not use are ignored. */
    record Balance(String tenantId, long balance, long pendingDebits) {
    }

    /** Any tenant's balance (host-admin). */
    @GET
    @Path("/tenants/{tenantId}/balance")
    Uni<Balance> tenantBalance(@PathParam("tenantId") String tenantId,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam(API_KEY) String apiKey);

    /** The caller's tenant's balance (tenant users). */
    @GET
    @Path("/balance")
    Uni<Balance> ownBalance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @HeaderParam(API_KEY) String apiKey);
}
