package com.dominusleads.servicekit.tenancy;

import java.time.Instant;

/** What every service knows of a tenant from host-service's events: whether it may work, and its API rate. */
public record TenantState(String tenantId, String status, Integer apiRatePerSecond, Long version, Instant asOf) {

    public static final String ACTIVE = "ACTIVE";

    /**
     * Whether this state is later than {@code other}: by host-service's version when both carry one (clocks of
     * several host-service instances may disagree), else by the events' time.
     */
    public boolean newerThan(TenantState other) {
        if (version != null && other.version != null) {
            return version > other.version;
        }
        return asOf.isAfter(other.asOf);
    }

    /** A number that grows with every change of the tenant (the rate limiter replaces its bucket when it grows). */
    public long revision() {
        return version != null ? version : asOf.toEpochMilli();
    }

    /** Suspended or closed tenants' users are refused; any other status (ACTIVE) works. */
    public boolean refused() {
        return "SUSPENDED".equals(status) || "CLOSED".equals(status);
    }
}
