package com.dominusleads.host.api;

import com.dominusleads.host.client.LedgerBalances;
import com.dominusleads.host.domain.TenantUsage;
import com.dominusleads.host.domain.UsageReport;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The caller's tenant's usage and balance (the tenant from the token only). */
@Path("/api/host/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class UsageResource {

    private final Caller caller;
    private final TenantUsage usage;
    private final LedgerBalances balances;

    public UsageResource(Caller caller, TenantUsage usage, LedgerBalances balances) {
        this.caller = caller;
        this.usage = usage;
        this.balances = balances;
    }

    /** Credits consumed per São Paulo day from {@code from} to {@code to} (ISO dates; default: this month). */
    @GET
    public Uni<UsageReport> usage(@QueryParam("from") String from, @QueryParam("to") String to) {
        String tenantId = caller.tenantId();
        UsagePeriod period = UsagePeriod.of(from, to);
        return usage.report(tenantId, period.from(), period.to(), balances.own(tenantId));
    }
}
