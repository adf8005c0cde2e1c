package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Pipeline;
import com.dominusleads.leads.persistence.PipelineStore;
import com.dominusleads.servicekit.api.ApiException;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's pipelines: the default one ("Vendas": Novo → Em contato → Proposta → Negociação → Ganho / Perdido),
 * created on first use, and those its admins define. A stage that leads are in cannot be removed.
 */
@Path("/api/leads/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {

    public record Pipelines(List<Pipeline> pipelines) {
    }

    public record PipelineRequest(@NotBlank @Size(max = 80) String name,
                                  @NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(max = 60) String> stages) {
    }

    public record StagesRequest(@NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(max = 60) String> stages) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final PipelineStore pipelines;

    public PipelineResource(Caller caller, TenantTransactions transactions, PipelineStore pipelines) {
        this.caller = caller;
        this.transactions = transactions;
        this.pipelines = pipelines;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<Pipelines> list() {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> pipelines.defaultOf(tx, tenantId)
                .chain(() -> pipelines.all(tx, tenantId))).map(Pipelines::new);
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> create(@Valid @NotNull PipelineRequest request) {
        String tenantId = caller.tenantId();
        List<String> stages = stages(request.stages());
        return transactions.forTenant(tenantId, tx -> pipelines.insert(tx, tenantId, request.name().strip(), stages))
                .map(created -> Response.status(201).entity(created.orElseThrow(() -> ApiException.conflict(
                        "pipeline_exists", "Your workspace already has a pipeline named '" + request.name() + "'.")))
                        .build());
    }

    /** Replaces the stages (renaming or removing one that leads are in is refused: move them first). */
    @PUT
    @Path("/{id}/stages")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Pipeline> stages(@PathParam("id") UUID id, @Valid @NotNull StagesRequest request) {
        String tenantId = caller.tenantId();
        List<String> stages = stages(request.stages());
        return transactions.forTenant(tenantId, tx -> pipelines.find(tx, tenantId, id)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("pipeline_not_found",
                        "No pipeline " + id + " in your workspace.")))
                .chain(() -> pipelines.stagesInUseOutside(tx, tenantId, id, stages))
                .chain(inUse -> {
                    if (!inUse.isEmpty()) {
                        throw new ApiException(409, "stage_in_use", "Leads are in " + String.join(", ", inUse)
                                + ": move them to another stage before removing it.", Map.of("stages", inUse));
                    }
                    return pipelines.updateStages(tx, tenantId, id, stages);
                })
                .chain(() -> pipelines.find(tx, tenantId, id)).map(found -> found.orElseThrow()));
    }

    private static List<String> stages(List<String> given) {
        LinkedHashSet<String> stages = new LinkedHashSet<>();
        given.forEach(stage -> stages.add(stage.strip()));
        if (stages.size() != given.size()) {
            throw new ApiException(400, "duplicate_stage", "Each stage appears once in a pipeline.",
                    Map.of("field", "stages"));
        }
        return List.copyOf(stages);
    }
}
