package com.dominusleads.host.domain;

import java.time.Instant;

/**
 * A customer workspace as the host sees it. The id is the slug: the tokens' tenant_id and the organization alias.
 * {@code version} grows with every change: it orders the tenant's events for their consumers.
 */
public record Tenant(String tenantId, String displayName, String planCode, TenantStatus status, String statusReason,
                     Admin admin, String keycloakOrgId, String keycloakAdminId, Instant invitationSentAt,
                     String provisioningError, Instant createdAt, Instant updatedAt, Instant closedAt,
                     Instant purgeAfter, Instant purgedAt, long version) {

    /** The tenant's first administrator, invited by e-mail. */
    public record Admin(String email, String firstName, String lastName) {
    }
}
