package com.dominusleads.host.domain;

/** A credit pack a host operator defines (validated at the API); Stripe's product and price are created from it. */
public record NewCreditPack(String code, String name, long credits, long priceCents, String currency) {
}
