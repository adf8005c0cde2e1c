package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.QualificationSettings;
import com.dominusleads.leads.persistence.SettingsStore;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tenant's qualification settings: read by its users, changed by its admins. */
@Path("/api/leads/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final Caller caller;
    private final TenantTransactions transactions;
    private final SettingsStore settings;

    public SettingsResource(Caller caller, TenantTransactions transactions, SettingsStore settings) {
        this.caller = caller;
        this.transactions = transactions;
        this.settings = settings;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<QualificationSettings> get() {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> settings.of(tx, tenantId));
    }

    /** Replaces all of them (every field is required). */
    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<QualificationSettings> put(@Valid @NotNull QualificationSettings changed) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> settings.save(tx, tenantId, changed, by)
                .chain(() -> settings.of(tx, tenantId)));
    }
}
