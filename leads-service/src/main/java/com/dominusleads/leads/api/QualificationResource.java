package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.leads.domain.Qualification;
import com.dominusleads.leads.domain.QualificationResult;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.events.Cnpj;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks a company qualified for the caller's tenant: it becomes a lead and one credit is owed for it. This is the
 * internal/admin way to qualify a lead until the classification flow (a reply classified as interest) exists and
 * qualifies leads itself. Safe to retry: 201 with the lead when created, 200 with the same lead when the company had
 * already been qualified for this tenant (no second lead, no second debit).
 */
@Path("/api/leads/qualifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
public class QualificationResource {

    /** {@code cnpj} with or without punctuation, numeric or alphanumeric. */
    public record QualificationRequest(@NotBlank @Size(max = 32) String cnpj,
                                       @NotBlank @Size(max = 200) String qualificationRunId,
                                       @Size(max = 200) String conversationId,
                                       @NotNull @Min(0) @Max(100) Integer score) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final LeadQualification qualification;

    public QualificationResource(Caller caller, TenantTransactions transactions, LeadQualification qualification) {
        this.caller = caller;
        this.transactions = transactions;
        this.qualification = qualification;
    }

    /** Up to 500 qualifications of the caller's tenant, applied together or not at all. */
    public record QualificationBatch(
            @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull QualificationRequest> qualifications) {
    }

    /** One result per qualification of the batch, in its order. */
    public record BatchResult(List<QualificationResult> results) {
    }

    @POST
    public Uni<Response> qualify(@Valid @NotNull QualificationRequest request) {
        Qualification qualified = toQualification(caller.tenantId(), request, null);
        return transactions.forTenant(qualified.tenantId(), tx -> qualification.qualify(tx, qualified))
                .map(result -> Response.status(result.created() ? 201 : 200).entity(result.lead()).build());
    }

    /**
     * Qualifies many companies in one transaction, as the qualification engine and bulk imports do: one invalid
     * CNPJ refuses the whole batch (400, its position in {@code details}) and changes nothing.
     */
    @POST
    @Path("/batch")
    public Uni<BatchResult> qualifyAll(@Valid @NotNull QualificationBatch batch) {
        String tenantId = caller.tenantId();
        List<Qualification> qualified = new ArrayList<>(batch.qualifications().size());
        for (int i = 0; i < batch.qualifications().size(); i++) {
            qualified.add(toQualification(tenantId, batch.qualifications().get(i), i));
        }
        return transactions.forTenant(tenantId, tx -> qualification.qualifyAll(tx, tenantId, qualified))
                .map(BatchResult::new);
    }

    private static Qualification toQualification(String tenantId, QualificationRequest request, Integer position) {
        Cnpj cnpj = Cnpj.parse(request.cnpj()).orElseThrow(() -> new ApiException(400, "invalid_cnpj",
                "'" + request.cnpj() + "' is not a valid CNPJ: " + Cnpj.problemWith(request.cnpj()) + ".",
                position == null ? Map.of() : Map.of("position", position)));
        String conversationId = request.conversationId() == null || request.conversationId().isBlank() ? null
                : request.conversationId().strip();
        return new Qualification(tenantId, cnpj, request.qualificationRunId().strip(), conversationId, request.score());
    }
}
