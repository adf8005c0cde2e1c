package com.dominusleads.host.api;

import com.dominusleads.host.domain.CreditPack;
import com.dominusleads.host.domain.CreditPackCatalog;
import com.dominusleads.host.domain.NewCreditPack;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The credit packs the host sells (host operators only), as plans: creating one creates its Stripe product and one-off
 * price (201, or 200 for a repeat); the price never changes (a new price is a new pack); name and credits may. A
 * deactivated pack is no longer offered; purchases already paid still grant their credits.
 */
@Path("/api/host/credit-packs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class CreditPacksResource {

    public record CreateRequest(
            @NotBlank @Pattern(regexp = BillingRequests.CODE, message = BillingRequests.CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(1) @Max(10_000_000) Long credits,
            @NotNull @Min(1) @Max(100_000_000) Long priceCents,
            @Pattern(regexp = PlansResource.CURRENCY, message = "a 3-letter ISO 4217 code such as brl") String currency) {
    }

    /** Fields left out stay as they are; {@code priceCents} and {@code currency} are refused (a new price is a new pack). */
    public record UpdateRequest(@Size(min = 1, max = 200) String name,
                                @Min(1) @Max(10_000_000) Long credits,
                                Long priceCents,
                                String currency) {
    }

    public record CreditPackList(List<CreditPack> creditPacks) {
    }

    private final CreditPackCatalog catalog;

    public CreditPacksResource(CreditPackCatalog catalog) {
        this.catalog = catalog;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        NewCreditPack pack = new NewCreditPack(request.code(), request.name().strip(), request.credits(),
                request.priceCents(), request.currency() == null ? "brl" : request.currency().toLowerCase(Locale.ROOT));
        return catalog.create(pack).map(creation -> Response.status(creation.created() ? 201 : 200)
                .location(URI.create("/api/host/credit-packs/" + pack.code())).entity(creation.item()).build());
    }

    /** Every pack, or only the active ({@code ?active=true}) or inactive ({@code ?active=false}) ones. */
    @GET
    public Uni<CreditPackList> list(@QueryParam("active") String active) {
        return catalog.list(PlansResource.activeFilter(active)).map(CreditPackList::new);
    }

    @GET
    @Path("/{code}")
    public Uni<CreditPack> get(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code) {
        return catalog.get(code);
    }

    @PATCH
    @Path("/{code}")
    public Uni<CreditPack> update(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code,
                                  @Valid @NotNull UpdateRequest request) {
        if (request.priceCents() != null || request.currency() != null) {
            throw ApiException.badRequest("price_is_fixed", "A credit pack's price never changes: create a new pack"
                    + " with the new price and deactivate this one.");
        }
        if (request.name() == null && request.credits() == null) {
            throw ApiException.badRequest("nothing_to_update", "Give name and/or credits.");
        }
        return catalog.update(code, request.name() == null ? null : request.name().strip(), request.credits());
    }

    @POST
    @Path("/{code}/deactivation")
    @Consumes(MediaType.WILDCARD)
    public Uni<CreditPack> deactivate(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code) {
        return catalog.setActive(code, false);
    }

    @DELETE
    @Path("/{code}/deactivation")
    @Consumes(MediaType.WILDCARD)
    public Uni<CreditPack> reactivate(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code) {
        return catalog.setActive(code, true);
    }
}
