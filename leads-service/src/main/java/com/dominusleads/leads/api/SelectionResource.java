package com.dominusleads.leads.api;

import com.dominusleads.leads.domain.Prelead;
import com.dominusleads.leads.domain.QualificationStart;
import com.dominusleads.leads.domain.SearchFilters;
import com.dominusleads.leads.domain.Selection;
import com.dominusleads.leads.domain.Selections;
import com.dominusleads.leads.persistence.PreleadStore;
import com.dominusleads.leads.persistence.SelectionStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.api.PageCursor;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Selections of pre-leads: made from a search ("the whole query, up to max") or from CNPJs, reviewed page by page,
 * trimmed while DRAFT. Free: no credit is spent until a selected company is qualified.
 */
@Path("/api/leads/selections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
public class SelectionResource {

    /**
     * Either {@code filters} with {@code max}, or {@code cnpjs}.
     *
     * @param name what the team calls it, e.g. "Advogados em Campinas — novembro"
     */
    public record SelectionRequest(@NotBlank @Size(max = 120) String name,
                                   @Valid SearchFilters filters,
                                   Integer max,
                                   @Size(max = 10_000) List<@NotNull @Size(max = 32) String> cnpjs) {
    }

    /** {@code remove}: CNPJs to take out; or {@code keep}: how many of the first to keep. */
    public record TrimRequest(@Size(max = 5_000) List<@NotNull @Size(max = 32) String> remove, Integer keep) {
    }

    public record SelectionPage(List<Selection> selections, String nextCursor) {
    }

    public record PreleadPage(List<Prelead> preleads, String nextCursor) {
    }

    private final Caller caller;
    private final TenantTransactions transactions;
    private final Selections selections;
    private final QualificationStart qualification;
    private final SelectionStore store;
    private final PreleadStore preleads;

    public SelectionResource(Caller caller, TenantTransactions transactions, Selections selections,
                             QualificationStart qualification, SelectionStore store, PreleadStore preleads) {
        this.caller = caller;
        this.qualification = qualification;
        this.transactions = transactions;
        this.selections = selections;
        this.store = store;
        this.preleads = preleads;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull SelectionRequest request) {
        String tenantId = caller.tenantId();
        String by = caller.name();
        boolean byIds = request.cnpjs() != null && !request.cnpjs().isEmpty();
        if (byIds == (request.filters() != null)) {
            throw new ApiException(400, "invalid_selection", "Send either filters with max (the search's first"
                    + " companies) or cnpjs (companies picked by hand).", Map.of("field", "filters"));
        }
        Uni<Selection> made;
        if (byIds) {
            made = selections.fromIds(tenantId, by, request.name().strip(), request.cnpjs());
        } else {
            if (request.max() == null) {
                throw new ApiException(400, "invalid_max", "Say how many companies to select from the search: max.",
                        Map.of("field", "max"));
            }
            made = selections.fromSearch(tenantId, by, request.name().strip(), request.filters(), request.max());
        }
        return made.map(selection -> Response.status(201).entity(selection).build());
    }

    /** The tenant's selections, newest first. */
    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<SelectionPage> list(@QueryParam("cursor") @Size(max = 200) String cursor,
                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        String tenantId = caller.tenantId();
        PageCursor.At after = PageCursor.At.decode(cursor);
        return transactions.forTenant(tenantId, tx -> store.page(tx, tenantId, after == null ? null : after.at(),
                after == null ? null : after.id(), limit + 1)).map(page -> {
                    if (page.size() <= limit) {
                        return new SelectionPage(page, null);
                    }
                    Selection last = page.get(limit - 1);
                    return new SelectionPage(page.subList(0, limit), new PageCursor.At(last.createdAt(), last.id()).encode());
                });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<Selection> get(@PathParam("id") UUID id) {
        String tenantId = caller.tenantId();
        return transactions.forTenant(tenantId, tx -> selections.find(tx, tenantId, id));
    }

    /** The selection's pre-leads in order, with the addresses each will be contacted at. */
    @GET
    @Path("/{id}/preleads")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
    public Uni<PreleadPage> preleads(@PathParam("id") UUID id, @QueryParam("cursor") @Size(max = 200) String cursor,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String tenantId = caller.tenantId();
        int after;
        try {
            List<String> parts = PageCursor.decode(cursor, 1);
            after = parts == null ? 0 : Integer.parseInt(parts.get(0));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_cursor", "The cursor is not one this API handed out: start again"
                    + " without it.", Map.of("field", "cursor"));
        }
        return transactions.forTenant(tenantId, tx -> selections.find(tx, tenantId, id)
                        .chain(() -> preleads.page(tx, tenantId, id, after, limit + 1)))
                .map(page -> page.size() <= limit ? new PreleadPage(page, null)
                        : new PreleadPage(page.subList(0, limit),
                                PageCursor.encode(String.valueOf(page.get(limit - 1).position()))));
    }

    /** Takes companies out of a DRAFT selection (409 once qualification started). */
    @POST
    @Path("/{id}/trim")
    public Uni<Selection> trim(@PathParam("id") UUID id, @Valid @NotNull TrimRequest request) {
        return selections.trim(caller.tenantId(), id, request.remove(), request.keep());
    }

    /**
     * Starts qualifying the selection: every company in it is contacted (prelead.selected). Refused (402) when the
     * tenant's balance does not meet its balance policy; 409 once started. Credits are spent per lead qualified.
     */
    @POST
    @Path("/{id}/qualification")
    @Consumes(MediaType.WILDCARD) // no body
    public Uni<Selection> qualify(@PathParam("id") UUID id) {
        return qualification.start(caller.tenantId(), id, caller.name());
    }

    /** Deletes a DRAFT selection; its companies can be selected again. */
    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return selections.delete(caller.tenantId(), id);
    }

}
