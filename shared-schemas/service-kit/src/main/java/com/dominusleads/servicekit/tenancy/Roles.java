package com.dominusleads.servicekit.tenancy;

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

    private Roles() {
    }
}
