package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Playbook;
import com.dominusleads.leads.domain.Playbooks;
import com.dominusleads.leads.domain.ReplyClassifier;
import com.dominusleads.leads.persistence.PlaybookStore;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's playbook: the phrases replies are classified by. Admins replace it (or go back to the defaults);
 * anyone qualifying can try replies against it before a campaign ({@code POST /classification}).
 */
@Path("/api/leads/playbook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlaybookResource {

    public record PlaybookRequest(@NotNull @Size(min = 1, max = 1_000) List<Playbook.@Valid @NotNull Rule> rules) {
    }

    public record TrialRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull @Size(max = 4_096) String> replies) {
    }

    public record TrialResult(String reply, ReplyClassifier.Outcome outcome, List<String> matched) {
    }

    public record Trial(List<TrialResult> results) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final Playbooks playbooks;
    private final PlaybookStore store;

    public PlaybookResource(Caller caller, TenantTransactions transactions, Playbooks playbooks, PlaybookStore store) {
        this.caller = caller;
        this.transactions = transactions;
        this.playbooks = playbooks;
        this.store = store;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<Playbook> get() {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> playbooks.of(tx, tenantId));
    }

    /** Replaces the tenant's playbook with these rules (the defaults no longer apply). */
    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Playbook> put(@Valid @NotNull PlaybookRequest request) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> store.save(tx, tenantId, request.rules(), by)
                .chain(() -> playbooks.of(tx, tenantId)));
    }

    /** Back to the default playbook. */
    @DELETE
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Playbook> reset() {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> store.delete(tx, tenantId).chain(() -> playbooks.of(tx, tenantId)));
    }

    /** How the tenant's playbook classifies these replies (nothing is stored). */
    @POST
    @Path("/classification")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<Trial> classify(@Valid @NotNull TrialRequest request) {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> playbooks.classifier(tx, tenantId)).map(classifier -> {
            List<TrialResult> results = new ArrayList<>(request.replies().size());
            for (String reply : request.replies()) {
                ReplyClassifier.Classification classification = classifier.classify(reply);
                results.add(new TrialResult(reply, classification.outcome(), classification.matched()));
            }
            return new Trial(results);
        });
    }
}
