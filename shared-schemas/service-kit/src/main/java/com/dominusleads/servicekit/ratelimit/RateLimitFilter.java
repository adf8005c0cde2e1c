package com.dominusleads.servicekit.ratelimit;

import com.dominusleads.servicekit.api.ApiError;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.TenantState;
import com.dominusleads.servicekit.tenancy.TenantStatuses;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Per-tenant rate limiting of the APIs ({@code /api/…}): each request of a tenant's user or API key draws a token
 * from the tenant's bucket ({@link TenantRateLimiter}), at the rate of its plan (from {@code tenant.updated}) or the
 * suite's default. A refused request gets 429 with {@code Retry-After}; allowed ones carry {@code RateLimit-Limit}
 * and {@code RateLimit-Remaining}. Requests without a tenant (host operators, anonymous, webhooks) are not counted.
 * If the bucket cannot be read (database trouble) the request goes through: the limit protects capacity, it must not
 * take the API down with it.
 */
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final CurrentIdentityAssociation identities;
    private final TenantStatuses statuses;
    private final TenantRateLimiter limiter;
    private final boolean enabled;
    private final int defaultRate;

    public RateLimitFilter(CurrentIdentityAssociation identities, TenantStatuses statuses, TenantRateLimiter limiter,
                           @ConfigProperty(name = "dominus.rate-limit.enabled", defaultValue = "true") boolean enabled,
                           @ConfigProperty(name = "dominus.rate-limit.default-per-second", defaultValue = "20")
                           int defaultRate) {
        this.identities = identities;
        this.statuses = statuses;
        this.limiter = limiter;
        this.enabled = enabled;
        this.defaultRate = defaultRate;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!enabled || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        // Authenticating here, once: a bad credential (or Keycloak down) is answered now by the error mappers, as the
        // endpoint would answer it (authenticating twice in one request could give two different answers).
        return identities.getDeferredIdentity()
                .chain(identity -> {
                    String tenantId = tenantOf(identity);
                    if (tenantId == null) {
                        return Uni.createFrom().nullItem();
                    }
                    var state = statuses.of(tenantId);
                    int rate = state.map(TenantState::apiRatePerSecond).filter(r -> r != null && r > 0)
                            .orElse(defaultRate);
                    long revision = state.map(TenantState::revision).orElse(0L);
                    return Uni.createFrom().item(() -> limiter.draw(tenantId, rate, revision))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .onFailure().recoverWithItem(failure -> {
                                LOG.warnf("Rate limit of tenant %s not checked (%s): request let through",
                                        tenantId, failure.toString());
                                return null;
                            })
                            .map(decision -> {
                                if (decision == null) {
                                    return null;
                                }
                                request.setProperty(DECISION, decision);
                                return decision.allowed() ? null : refused(tenantId, decision);
                            });
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof TenantRateLimiter.Decision decision && decision.allowed()) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
        }
    }

    private static String tenantOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : Caller.tenantOf(identity);
    }

    private static Response refused(String tenantId, TenantRateLimiter.Decision decision) {
        return Response.status(429).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", decision.retryAfterSeconds())
                .header("RateLimit-Limit", decision.limit()).header("RateLimit-Remaining", 0)
                .entity(ApiError.of("rate_limited", "Tenant '" + tenantId + "' sends more than " + decision.limit()
                                + " requests per period its plan allows; retry after " + decision.retryAfterSeconds()
                                + " s.",
                        Map.<String, Object>of("limit", decision.limit(), "retryAfterSeconds",
                                decision.retryAfterSeconds())))
                .build();
    }
}
