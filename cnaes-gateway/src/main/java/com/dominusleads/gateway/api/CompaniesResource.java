package com.dominusleads.gateway.api;

import com.dominusleads.gateway.domain.CompanyLookup;
import com.dominusleads.gateway.domain.CompanySearches;
import com.dominusleads.servicekit.api.CnpjParameter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The api-cnaes contract (DESIGN §6) for internal callers, answered by the local directory or the remote API; each
 * answer says which ({@code source}) and how fresh it is. Callers authenticate with {@code X-API-KEY}.
 */
@Path("/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompaniesResource {

    private final CompanyLookup lookup;
    private final CompanySearches searches;

    public CompaniesResource(CompanyLookup lookup, CompanySearches searches) {
        this.lookup = lookup;
        this.searches = searches;
    }

    /** One establishment by CNPJ (with or without punctuation; numeric or alphanumeric). */
    @GET
    @Path("/{cnpj}")
    public Uni<JsonObject> company(@PathParam("cnpj") String text) {
        return lookup.company(CnpjParameter.value(text));
    }

    @POST
    @Path("/search")
    public Uni<JsonObject> search(String body) {
        return searches.search(SearchChecks.body(body));
    }

    /** The contract's listing by principal CNAE and UF. */
    @GET
    public Uni<JsonObject> list(@QueryParam("cnae_principal") String cnae, @QueryParam("uf") String uf,
                                @QueryParam("page") @DefaultValue("1") String page,
                                @QueryParam("limit") @DefaultValue("20") String limit,
                                @QueryParam("cursor") String cursor) {
        if (cnae == null || cnae.isBlank()) {
            throw SearchChecks.invalid("cnae_principal", "give the principal CNAE subclass, e.g."
                    + " ?cnae_principal=6201501", null);
        }
        String code = SearchChecks.cnae(cnae, "cnae_principal");
        int pageNumber = SearchChecks.number(page, "pagination.page");
        int pageSize = SearchChecks.number(limit, "pagination.limit");
        SearchChecks.paging(pageNumber, pageSize);
        return searches.list(code, SearchChecks.uf(uf), pageNumber, pageSize, cursor);
    }
}
