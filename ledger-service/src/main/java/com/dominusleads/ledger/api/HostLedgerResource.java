package com.dominusleads.ledger.api;

import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.ledger.domain.Grant;
import com.dominusleads.ledger.persistence.BalanceQuery;
import com.dominusleads.ledger.persistence.ConsistencyQuery;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * The platform operator's side of the ledger: grants, low-balance thresholds, reversals with a reason, and the
 * consistency check. Host operators act across tenants, so here (and only here) the tenant is named in the path.
 */
@Path("/api/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class HostLedgerResource {

    static final String TENANT_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public record GrantRequest(@NotBlank @Size(max = 200) String grantId,
                               @NotNull @Min(1) @Max(10_000_000) Long credits,
                               @NotBlank @Pattern(regexp = "PURCHASE|PLAN|ADJUSTMENT") String reason,
                               @Size(max = 500) String reference) {
    }

    public record ThresholdRequest(@NotNull @Min(0) @Max(10_000_000) Long threshold) {
    }

    public record ReversalRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Reversal(UUID debitId, UUID reversalMovementId, String reason, String reversedBy) {
    }

    public record ConsistencyReport(boolean consistent, ConsistencyQuery.Totals totals,
                                    List<ConsistencyQuery.Violation> violations) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final CreditLedger ledger;
    private final BalanceQuery balances;
    private final ConsistencyQuery consistency;

    public HostLedgerResource(Caller caller, TenantTransactions transactions, CreditLedger ledger,
                              BalanceQuery balances, ConsistencyQuery consistency) {
        this.caller = caller;
        this.transactions = transactions;
        this.ledger = ledger;
        this.balances = balances;
        this.consistency = consistency;
    }

    /** Adds credits once per {@code grantId}: 201 when applied, 200 with the same movement when repeated. */
    @POST
    @Path("/tenants/{tenantId}/grants")
    public Uni<Response> grant(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
                               @Valid @NotNull GrantRequest request) {
        Grant grant = new Grant(tenantId, request.grantId().strip(), request.credits(), request.reason(),
                request.reference(), caller.name());
        return transactions.forTenant(tenantId, tx -> ledger.grant(tx, grant))
                .map(result -> Response.status(result.applied() ? 201 : 200).entity(result).build());
    }

    @GET
    @Path("/tenants/{tenantId}/balance")
    public Uni<BalanceQuery.Balance> balance(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId) {
        return balances.of(tenantId);
    }

    @PUT
    @Path("/tenants/{tenantId}/low-balance-threshold")
    public Uni<BalanceQuery.Balance> threshold(@PathParam("tenantId") @Pattern(regexp = TENANT_ID) String tenantId,
                                               @Valid @NotNull ThresholdRequest request) {
        return transactions.forTenant(tenantId, tx -> ledger.setLowBalanceThreshold(tx, tenantId, request.threshold()))
                .chain(() -> balances.of(tenantId));
    }

    /** Gives a charged debit's credit back with a compensating movement; the reason and the operator are recorded. */
    @POST
    @Path("/debits/{debitId}/reversal")
    public Uni<Response> reverse(@PathParam("debitId") UUID debitId, @Valid @NotNull ReversalRequest request) {
        String actor = caller.name();
        String reason = request.reason().strip();
        // The debit's id is all the operator gives: the transaction may see every tenant's debits to find it.
        return transactions.acrossTenants(tx -> ledger.reverse(tx, debitId, reason, actor))
                .map(id -> Response.status(201).entity(new Reversal(debitId, id, reason, actor)).build());
    }

    /** Proves {@code balance == sum(entries)} for every account, and the ledger's other invariants. */
    @GET
    @Path("/consistency")
    public Uni<ConsistencyReport> consistency() {
        return consistency.run().map(report -> new ConsistencyReport(report.violations().isEmpty(), report.totals(),
                report.violations()));
    }
}
