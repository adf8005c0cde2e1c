package com.dominusleads.servicekit.tenancy;

import java.time.Instant;

/** What every service knows of a tenant from host-service's events: whether it may work, and its API rate. */
public record TenantState(String tenantId, String status, Integer apiRatePerSecond, Instant asOf) {

    public static final String ACTIVE = "ACTIVE";

    /** Suspended or closed tenants' users are refused; any other status (ACTIVE) works. */
    public boolean refused() {
        return "SUSPENDED".equals(status) || "CLOSED".equals(status);
    }
}
