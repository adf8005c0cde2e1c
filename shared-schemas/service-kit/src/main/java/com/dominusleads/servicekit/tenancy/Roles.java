package com.dominusleads.servicekit.tenancy;

import java.util.Set;

/** The Keycloak realm roles (deploy/keycloak/dominus-realm.json) that endpoints admit. */
public final class Roles {

    /** A platform operator: manages tenants, plans and credits across tenants. */
    public static final String HOST_ADMIN = "host-admin";
    /** Administers one tenant's workspace. */
    public static final String TENANT_ADMIN = "tenant-admin";
    /** Works leads in one tenant's workspace. */
    public static final String SALES = "sales";
    /** Reads one tenant's workspace. */
    public static final String VIEWER = "viewer";
    /** A suite service calling another (client credentials of the dominus-services client), never a person. */
    public static final String SERVICE = "service";
    /** The roles that work inside one tenant's workspace (a tenant API key's possible scopes). */
    public static final Set<String> TENANT_ROLES = Set.of(TENANT_ADMIN, SALES, VIEWER);

    private Roles() {
    }
}
