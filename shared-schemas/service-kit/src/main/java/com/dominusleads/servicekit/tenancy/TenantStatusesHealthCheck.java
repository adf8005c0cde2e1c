package com.dominusleads.servicekit.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the tenants' statuses are loaded: before that a suspended tenant's token could be accepted. */
@Readiness
@ApplicationScoped
public class TenantStatusesHealthCheck implements HealthCheck {

    private final TenantStatuses statuses;

    public TenantStatusesHealthCheck(TenantStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Tenant statuses (tenant.created, tenant.updated)");
        return statuses.caughtUp() ? response.up().build()
                : response.down().withData("reason", statuses.lastFailure()).build();
    }
}
