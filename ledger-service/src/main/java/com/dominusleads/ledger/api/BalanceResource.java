package com.dominusleads.ledger.api;

import com.dominusleads.ledger.persistence.BalanceQuery;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's tenant's credit balance. */
@Path("/api/ledger/balance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class BalanceResource {

    private final Caller caller;
    private final BalanceQuery balances;

    public BalanceResource(Caller caller, BalanceQuery balances) {
        this.caller = caller;
        this.balances = balances;
    }

    @GET
    public Uni<BalanceQuery.Balance> balance() {
        return balances.of(caller.tenantId());
    }
}
