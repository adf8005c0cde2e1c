package com.dominusleads.host.domain;

import java.time.Instant;

/**
 * A one-off purchase of credits, sold through a Stripe Checkout in payment mode. As for plans, the price never changes:
 * a new price is a new pack; an inactive pack is no longer sold, and purchases already paid still grant its credits.
 */
public record CreditPack(String code, String name, long credits, long priceCents, String currency,
                         String stripeProductId, String stripePriceId, boolean active, Instant createdAt) {

    /** True when {@code definition} describes this pack as it stands (a repeated creation request). */
    public boolean sameAs(NewCreditPack definition) {
        return name.equals(definition.name()) && credits == definition.credits()
                && priceCents == definition.priceCents() && currency.equals(definition.currency());
    }
}
