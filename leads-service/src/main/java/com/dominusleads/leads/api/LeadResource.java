package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.persistence.LeadStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** One of the caller's tenant's leads, with its billing state; another tenant's lead does not exist here. */
@Path("/api/leads/{leadId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class LeadResource {

    private final Caller caller;
    private final TenantTransactions transactions;
    private final LeadStore leads;

    public LeadResource(Caller caller, TenantTransactions transactions, LeadStore leads) {
        this.caller = caller;
        this.transactions = transactions;
        this.leads = leads;
    }

    @GET
    public Uni<Lead> lead(@PathParam("leadId") UUID leadId) {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> leads.find(tx, tenantId, leadId)).map(found -> found.orElseThrow(() -> ApiException.notFound(
                "lead_not_found", "No lead " + leadId + " in your workspace: check the id in your leads list.")));
    }
}
