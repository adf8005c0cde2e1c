package com.dominusleads.leads.api;

import com.dominusleads.leads.config.LeadsConfig;
import com.dominusleads.leads.domain.PreleadSearch;
import com.dominusleads.leads.domain.SearchFilters;
import com.dominusleads.leads.persistence.RecentSearchStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Pre-lead search for sales teams (the filters in the body, {@link SearchFilters}): a page of companies with their
 * contactability, a fast count for a live counter, and the user's recent searches. Free: no credit is spent.
 */
@Path("/api/leads/searches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES})
public class SearchResource {

    public record RecentSearches(List<RecentSearchStore.RecentSearch> searches) {
    }

    private final Caller caller;
    private final PreleadSearch search;
    private final TenantTransactions transactions;
    private final RecentSearchStore recent;
    private final LeadsConfig config;

    public SearchResource(Caller caller, PreleadSearch search, TenantTransactions transactions,
                          RecentSearchStore recent, LeadsConfig config) {
        this.caller = caller;
        this.search = search;
        this.transactions = transactions;
        this.recent = recent;
        this.config = config;
    }

    /** One page; {@code cursor} is the previous page's {@code meta.nextCursor}. */
    @POST
    public Uni<PreleadSearch.Page> search(@Valid @NotNull SearchFilters filters,
                                          @QueryParam("limit") @DefaultValue("25") @Min(1) int limit,
                                          @QueryParam("cursor") @Size(max = 2000) String cursor) {
        if (limit > config.search().maxPageSize()) {
            throw new ApiException(400, "invalid_limit", "limit must be at most " + config.search().maxPageSize()
                    + ": page through larger searches with meta.nextCursor.", Map.of("field", "limit"));
        }
        String tenantId = caller.tenantId();
        return search.search(tenantId, caller.userId(), filters, limit, cursor == null || cursor.isBlank() ? null : cursor);
    }

    /** How many companies match the filters, without listing them (for a live counter while filters change). */
    @POST
    @Path("/count")
    public Uni<PreleadSearch.MatchCount> count(@Valid @NotNull SearchFilters filters) {
        return search.count(caller.tenantId(), filters);
    }

    /** The caller's recent searches, newest first ("Buscas recentes"). */
    @GET
    @Path("/recent")
    public Uni<RecentSearches> recent(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        String tenantId = caller.tenantId();
        String userId = caller.userId();
        return transactions.forTenant(tenantId, tx -> recent.list(tx, tenantId, userId, limit)).map(RecentSearches::new);
    }
}
