package com.dominusleads.host.domain;

import java.time.Instant;

/** A tenant's Stripe subscription as the webhooks reported it; the grace period runs while it is overdue. */
public record Subscription(String subscriptionId, String tenantId, String planCode, SubscriptionStatus status,
                           Instant currentPeriodEnd, Instant pastDueSince, Instant graceUntil, Instant updatedAt) {
}
