package com.dominusleads.ingestion.api;

import com.dominusleads.ingestion.search.DirectorySearch;
import com.dominusleads.ingestion.search.SearchCriteria;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.api.CnpjParameter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The api-cnaes contract (DESIGN §6), served from the local directory so that the gateway can ask it first with the
 * same client it uses for the remote API. Callers authenticate with {@code X-API-KEY} ({@link ApiKeyFilter}).
 */
@Path("/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompaniesResource {

    private final DirectorySearch search;

    public CompaniesResource(DirectorySearch search) {
        this.search = search;
    }

    @GET
    @Path("/{cnpj}")
    public Uni<JsonObject> company(@PathParam("cnpj") String text) {
        String cnpj = CnpjParameter.value(text);
        return search.company(cnpj)
                .onFailure(CompaniesResource::noLiveRelease).transform(CompaniesResource::directoryEmpty)
                .map(company -> {
                    if (company == null) {
                        throw ApiException.notFound("company_not_found", "No establishment with CNPJ " + cnpj
                                + " in the directory's live release");
                    }
                    return company;
                });
    }

    @POST
    @Path("/search")
    public Uni<JsonObject> search(SearchRequest request) {
        return page(SearchRequests.criteria(request, false), request.pagination() == null
                || request.pagination().page() == null ? 1 : request.pagination().page());
    }

    /** The contract's listing by principal CNAE and UF, with page numbers. */
    @GET
    public Uni<JsonObject> list(@QueryParam("cnae_principal") String cnae, @QueryParam("uf") String uf,
                                @QueryParam("page") @DefaultValue("1") int page,
                                @QueryParam("limit") @DefaultValue("20") int limit,
                                @QueryParam("cursor") String cursor) {
        if (cnae == null || cnae.isBlank()) {
            throw SearchRequests.invalid("cnae_principal", "give the principal CNAE subclass, e.g. ?cnae_principal=6201501", null);
        }
        SearchRequest request = new SearchRequest(List.of(cnae), uf, null, null, null, null, null, null, null, null,
                null, true, new SearchRequest.Pagination(page, limit), cursor);
        return page(SearchRequests.criteria(request, true), page);
    }

    private Uni<JsonObject> page(SearchCriteria criteria, int page) {
        return search.search(criteria)
                .onFailure(CompaniesResource::noLiveRelease).transform(CompaniesResource::directoryEmpty)
                .map(result -> new JsonObject()
                        .put("meta", new JsonObject()
                                .put("page", page)
                                .put("limit", criteria.limit())
                                .put("total_items", result.total())
                                .put("total_items_estimated", result.totalEstimated())
                                .put("next_cursor", SearchRequests.encodeCursor(result.nextCnpj())))
                        .put("data", new JsonArray(List.copyOf(result.companies()))));
    }

    /** The views of schema directory exist once a first release went live. */
    static boolean noLiveRelease(Throwable failure) {
        return failure instanceof PgException pg && "42P01".equals(pg.getSqlState());
    }

    static Throwable directoryEmpty(Throwable failure) {
        return new ApiException(503, "directory_empty", "No release of the directory is live yet: a host operator"
                + " ingests one first (./dominus ingest <dir|url>)");
    }
}
