package com.dominusleads.leads.api;

import com.dominusleads.leads.persistence.BillingSummaryQuery;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** How many of the caller's tenant's leads await their charge, are charged, and are locked for lack of credits. */
@Path("/api/leads/billing-summary")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class BillingSummaryResource {

    private final Caller caller;
    private final BillingSummaryQuery summaries;

    public BillingSummaryResource(Caller caller, BillingSummaryQuery summaries) {
        this.caller = caller;
        this.summaries = summaries;
    }

    @GET
    public Uni<BillingSummaryQuery.BillingSummary> summary() {
        return summaries.of(caller.tenantId());
    }
}
