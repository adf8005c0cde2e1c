package com.dominusleads.host.api;

import com.dominusleads.host.domain.NewPlan;
import com.dominusleads.host.domain.Plan;
import com.dominusleads.host.domain.PlanCatalog;
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
import java.util.Map;

/**
 * The plans the host sells (host operators only). Creating a plan creates its Stripe product and monthly price: 201
 * when created, 200 when the same plan was created before. A plan's price and currency never change — a new price is
 * a new plan (subscribers keep the price they signed up for); name, monthly credits and limits may. A deactivated plan
 * keeps its subscribers and is no longer offered at Checkout.
 */
@Path("/api/host/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class PlansResource {

    static final String CURRENCY = "[A-Za-z]{3}";

    /** {@code maxUsers} and {@code messagesPerMonth}: null for unlimited. */
    public record LimitsRequest(@Min(1) @Max(1_000_000) Integer maxUsers,
                                @Min(0) @Max(1_000_000_000) Integer messagesPerMonth,
                                @NotNull @Min(1) @Max(100_000) Integer apiRatePerSecond) {

        Plan.Limits toLimits() {
            return new Plan.Limits(maxUsers, messagesPerMonth, apiRatePerSecond);
        }
    }

    /** {@code priceCents}: the monthly price in the currency's minor unit; {@code currency}: ISO 4217, BRL by default. */
    public record CreateRequest(
            @NotBlank @Pattern(regexp = BillingRequests.CODE, message = BillingRequests.CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(0) @Max(100_000_000) Long priceCents,
            @Pattern(regexp = CURRENCY, message = "a 3-letter ISO 4217 code such as brl") String currency,
            @NotNull @Min(0) @Max(10_000_000) Long monthlyCredits,
            @Valid @NotNull LimitsRequest limits) {
    }

    /**
     * Fields left out stay as they are; {@code limits}, when given, replaces all three limits. {@code priceCents} and
     * {@code currency} are refused: a new price is a new plan.
     */
    public record UpdateRequest(@Size(min = 1, max = 200) String name,
                                @Min(0) @Max(10_000_000) Long monthlyCredits,
                                @Valid LimitsRequest limits,
                                Long priceCents,
                                String currency) {
    }

    public record PlanList(List<Plan> plans) {
    }

    private final PlanCatalog catalog;

    public PlansResource(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        NewPlan plan = new NewPlan(request.code(), request.name().strip(), request.priceCents(),
                request.currency() == null ? "brl" : request.currency().toLowerCase(Locale.ROOT),
                request.monthlyCredits(), request.limits().toLimits());
        return catalog.create(plan).map(creation -> Response.status(creation.created() ? 201 : 200)
                .location(URI.create("/api/host/plans/" + plan.code())).entity(creation.item()).build());
    }

    /** Every plan, or only the active ({@code ?active=true}) or inactive ({@code ?active=false}) ones. */
    @GET
    public Uni<PlanList> list(@QueryParam("active") String active) {
        return catalog.list(activeFilter(active)).map(PlanList::new);
    }

    /**
     * The {@code active} query parameter: null when absent or empty (no filter), else {@code true} or {@code false}
     * (in any case); anything else is a 400 {@code invalid_active} rather than silently {@code false}.
     */
    static Boolean activeFilter(String active) {
        if (active == null || active.isBlank()) {
            return null;
        }
        return switch (active.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ApiException(400, "invalid_active", "The active filter is true or false (or left"
                    + " out for every item).", Map.of("active", active.length() <= 20 ? active
                    : active.substring(0, 20) + "…"));
        };
    }

    @GET
    @Path("/{code}")
    public Uni<Plan> get(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code) {
        return catalog.get(code);
    }

    @PATCH
    @Path("/{code}")
    public Uni<Plan> update(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code,
                            @Valid @NotNull UpdateRequest request) {
        if (request.priceCents() != null || request.currency() != null) {
            throw ApiException.badRequest("price_is_fixed", "A plan's price never changes (its subscribers keep it):"
                    + " create a new plan with the new price, deactivate this one, and move tenants over.");
        }
        if (request.name() == null && request.monthlyCredits() == null && request.limits() == null) {
            throw ApiException.badRequest("nothing_to_update", "Give name, monthlyCredits and/or limits.");
        }
        return catalog.update(code, request.name() == null ? null : request.name().strip(), request.monthlyCredits(),
                request.limits() == null ? null : request.limits().toLimits());
    }

    /** Stops selling the plan; tenants on it keep it. */
    @POST
    @Path("/{code}/deactivation")
    @Consumes(MediaType.WILDCARD)
    public Uni<Plan> deactivate(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code) {
        return catalog.setActive(code, false);
    }

    /** Sells the plan again. */
    @DELETE
    @Path("/{code}/deactivation")
    @Consumes(MediaType.WILDCARD)
    public Uni<Plan> reactivate(@PathParam("code") @Pattern(regexp = BillingRequests.CODE) String code) {
        return catalog.setActive(code, true);
    }
}
