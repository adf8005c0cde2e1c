package com.dominusleads.companydata;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The api-cnaes contract (DESIGN §6). Paths are relative to a base URI that ends with the version path
 * ({@code …/v1} or, in the known variant, {@code …/api/v1}), so one interface serves every deployment of it: the local
 * directory, the remote API, and the gateway.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CompanyDataApi {

    @GET
    @Path("companies/{cnpj}")
    Uni<CompanyDocument> company(@PathParam("cnpj") String cnpj);

    @GET
    @Path("companies")
    Uni<CompanyPage> byPrincipalCnae(@QueryParam("cnae_principal") String cnae, @QueryParam("uf") String uf,
                                     @QueryParam("page") Integer page, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor);

    @POST
    @Path("companies/search")
    Uni<CompanyPage> search(CompanySearch search);

    /** Every answer from 400 on becomes a {@link CompanyDataException} with the contract's error fields. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ErrorBodies.exception(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null,
                response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
