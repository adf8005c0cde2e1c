package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Csv;
import com.dominusleads.leads.domain.LeadDetail;
import com.dominusleads.leads.domain.LeadFilter;
import com.dominusleads.leads.domain.LeadImport;
import com.dominusleads.leads.persistence.CrmStore;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Leads in and out as CSV: the list (same filters as {@code GET /api/leads}) exported, contacts included only where
 * they are visible; and leads the tenant already has imported, with its own column names and a report per row.
 */
@Path("/api/leads")
public class LeadTransferResource {

    static final int MAX_EXPORT = 50_000;
    private static final int PAGE = 1_000;
    private static final List<String> HEADER = List.of("cnpj", "company_name", "uf", "municipality", "stage", "owner",
            "tags", "score", "billing_state", "origin", "qualified_at", "phones", "emails");

    /**
     * @param csv     the file's text, its first line naming the columns (comma or semicolon separated)
     * @param mapping lead field → the file's column name, e.g. {"cnpj": "CNPJ", "companyName": "Razão social",
     *                "phone": "Telefone", "email": "E-mail", "owner": "Vendedor", "stage": "Etapa", "tags": "Tags"}
     * @param dryRun  check every row and report, import nothing
     */
    public record ImportRequest(@NotBlank @Size(max = 5_000_000) String csv,
                                @NotNull @Size(min = 1, max = 7) Map<String, @NotBlank String> mapping,
                                Boolean dryRun) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final CrmStore leads;
    private final LeadImport imports;

    public LeadTransferResource(Caller caller, TenantTransactions transactions, CrmStore leads, LeadImport imports) {
        this.caller = caller;
        this.transactions = transactions;
        this.leads = leads;
        this.imports = imports;
    }

    /** Up to 50,000 leads, newest first, as CSV (RFC 4180, UTF-8). */
    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<Response> export(@QueryParam("pipelineId") UUID pipelineId, @QueryParam("stage") String stage,
                                @QueryParam("owner") String owner, @QueryParam("tag") String tag,
                                @QueryParam("billingState") String billingState, @QueryParam("q") String text) {
        String tenantId = caller.tenantId();
        LeadFilter filter = CrmResource.filter(pipelineId, stage, owner, tag, billingState, text, null);
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        return transactions.forTenant(tenantId, tx -> page(tx, tenantId, filter, csv, 0))
                .map(done -> Response.ok(csv.toString()).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"leads.csv\"").build());
    }

    /** Imports the rows without problems; reports every problem with its line and column (200 either way). */
    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
    public Uni<LeadImport.Result> importLeads(@Valid @NotNull ImportRequest request) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        return transactions.forTenant(tenantId, tx -> imports.run(tx, tenantId, request.csv(), request.mapping(),
                Boolean.TRUE.equals(request.dryRun()), by));
    }

    private Uni<Integer> page(io.vertx.mutiny.sqlclient.SqlClient tx, String tenantId, LeadFilter filter,
                              StringBuilder csv, int written) {
        return leads.list(tx, tenantId, filter, PAGE).chain(page -> {
            for (LeadDetail lead : page) {
                csv.append(Csv.line(row(lead)));
            }
            int total = written + page.size();
            if (page.size() < PAGE || total >= MAX_EXPORT) {
                return Uni.createFrom().item(total);
            }
            LeadDetail last = page.get(page.size() - 1);
            return page(tx, tenantId, new LeadFilter(filter.pipelineId(), filter.stage(), filter.owner(), filter.tag(),
                    filter.billingState(), filter.text(), last.qualifiedAt(), last.id()), csv, total);
        });
    }

    private static List<String> row(LeadDetail lead) {
        Map<String, Object> company = lead.company() == null ? Map.of() : lead.company();
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        lead.contacts().forEach(contact -> (contact.kind().equals("EMAIL") ? emails : phones).add(contact.address()));
        return List.of(lead.cnpj(), text(lead.companyName()), text(company.get("uf")), text(company.get("municipality")),
                text(lead.stage()), text(lead.owner()), String.join("|", lead.tags()), String.valueOf(lead.score()),
                lead.billingState().name(), lead.origin(), lead.qualifiedAt().toString(), String.join("|", phones),
                String.join("|", emails));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
