package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Segment;
import com.dominusleads.leads.domain.Segments;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The tenant's segments: named CNAE lists searches use ("Advogados"). Everyone searching reads them; tenant admins
 * edit them. The defaults are where every tenant starts; see {@link Segments} for how edits and removals apply.
 */
@Path("/api/leads/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentResource {

    public record SegmentList(List<Segment> segments) {
    }

    /** CNAE subclasses, with or without punctuation. */
    public record SegmentRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Size(max = 12) String> cnaes) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final Segments segments;

    public SegmentResource(Caller caller, TenantTransactions transactions, Segments segments) {
        this.caller = caller;
        this.transactions = transactions;
        this.segments = segments;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<SegmentList> list() {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> segments.list(tx, tenantId)).map(SegmentList::new);
    }

    /** Creates or replaces the segment of that name (a default's name makes it the tenant's own version). */
    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Segment> save(@PathParam("name") @Size(min = 1, max = 80) String name,
                             @Valid @NotNull SegmentRequest request) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> segments.save(tx, tenantId, name, request.cnaes(), by));
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Void> remove(@PathParam("name") @Size(min = 1, max = 80) String name) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> segments.remove(tx, tenantId, name, by));
    }
}
