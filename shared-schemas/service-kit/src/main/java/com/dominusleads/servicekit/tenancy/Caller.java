package com.dominusleads.servicekit.tenancy;

import com.dominusleads.servicekit.api.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, from the verified access token only (DESIGN §7): the tenant comes from the token's {@value #TENANT_CLAIM}
 * claim (or a host API key's tenant), never from a path, query or body. A token without it (a host operator's, say) has no tenant workspace.
 */
@RequestScoped
public class Caller {

    /** The claim Keycloak puts the tenant id in (a user attribute mapped into the access token). */
    public static final String TENANT_CLAIM = "tenant_id";

    private final SecurityIdentity identity;
    private final TenantStatuses statuses;

    public Caller(SecurityIdentity identity, TenantStatuses statuses) {
        this.identity = identity;
        this.statuses = statuses;
    }

    /**
     * The caller's tenant id: a 403 error if the token carries none, or if host-service suspended or closed the
     * tenant (refused as soon as the change reaches this service, whatever the token's remaining lifetime).
     */
    public String tenantId() {
        String tenantId = tenantOf(identity);
        if (tenantId == null) {
            throw new ApiException(403, "no_tenant",
                    "Your token carries no tenant: sign in with a user that belongs to a tenant workspace.");
        }
        statuses.of(tenantId).filter(TenantState::refused).ifPresent(state -> {
            throw new ApiException(403, "tenant_" + state.status().toLowerCase(Locale.ROOT),
                    "Tenant '" + tenantId + "' is " + state.status().toLowerCase(Locale.ROOT)
                            + ": its users cannot work until the platform operator reactivates it.");
        });
        return tenantId;
    }

    /** The tenant of a verified identity: its token's claim, or its host API key's tenant; null if none. */
    public static String tenantOf(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(TENANT_CLAIM)
                : identity.getAttribute(TENANT_CLAIM);
        String tenantId = claim == null ? null : claim.toString().strip();
        return tenantId == null || tenantId.isEmpty() ? null : tenantId;
    }

    /** The caller's name for audit trails: the token's preferred user name, else its subject, else the API key. */
    public String name() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("preferred_username");
            return name != null ? name : token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** A stable id of the caller for per-user data: the token's subject, else the API key's name. */
    public String userId() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
