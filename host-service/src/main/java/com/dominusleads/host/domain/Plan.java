package com.dominusleads.host.domain;

import java.time.Instant;

/**
 * A subscription plan on sale: a monthly price in Stripe, the credits each paid month grants, and the limits services
 * enforce for its tenants. The price never changes (Stripe prices are immutable, and subscribers keep theirs): a new
 * price is a new plan; an inactive plan keeps its subscribers and is no longer sold.
 */
public record Plan(String code, String name, long priceCents, String currency, long monthlyCredits, Limits limits,
                   String stripeProductId, String stripePriceId, boolean active, Instant createdAt) {

    /** What a tenant on the plan may use; null user and message limits mean unlimited. */
    public record Limits(Integer maxUsers, Integer messagesPerMonth, int apiRatePerSecond) {
    }

    /** True when {@code definition} describes this plan as it stands (a repeated creation request). */
    public boolean sameAs(NewPlan definition) {
        return name.equals(definition.name()) && priceCents == definition.priceCents()
                && currency.equals(definition.currency()) && monthlyCredits == definition.monthlyCredits()
                && limits.equals(definition.limits());
    }
}
