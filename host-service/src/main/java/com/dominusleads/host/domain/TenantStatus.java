package com.dominusleads.host.domain;

/** Where a tenant is in its life; only ACTIVE tenants' users may work (services refuse the others' tokens). */
public enum TenantStatus {
    /** Created here; Keycloak does not hold its organization and first admin yet. */
    PROVISIONING,
    ACTIVE,
    /** By an operator, or when a payment stayed overdue past its grace period: tokens refused, data kept. */
    SUSPENDED,
    /** Deleted: tokens refused, data kept until the retention ends, then the identities are purged. */
    CLOSED
}
