package com.dominusleads.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The api-cnaes contract as the gateway calls it on either side: raw answers, so that every status, header and body
 * (malformed ones included) is judged by {@link UpstreamReply} rather than by a default exception mapper, and
 * documents pass through with the fields the gateway does not know. Paths are relative to a base URI that ends with
 * the version path.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UpstreamApi {

    @GET
    @Path("companies/{cnpj}")
    Uni<Response> company(@PathParam("cnpj") String cnpj);

    @GET
    @Path("companies")
    Uni<Response> list(@QueryParam("cnae_principal") String cnae, @QueryParam("uf") String uf,
                       @QueryParam("page") Integer page, @QueryParam("limit") Integer limit,
                       @QueryParam("cursor") String cursor);

    @POST
    @Path("companies/search")
    Uni<Response> search(String json);
}
