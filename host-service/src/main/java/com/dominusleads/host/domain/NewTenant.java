package com.dominusleads.host.domain;

/** What a host operator gives to create a tenant (validated at the API). */
public record NewTenant(String tenantId, String displayName, String planCode, Tenant.Admin admin) {
}
