package com.dominusleads.host.domain;

/** A plan a host operator defines (validated at the API); Stripe's product and price are created from it. */
public record NewPlan(String code, String name, long priceCents, String currency, long monthlyCredits,
                      Plan.Limits limits) {
}
