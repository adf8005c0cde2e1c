package com.dominusleads.host.domain;

/** What a Stripe price of ours sells: a plan's month (its monthly credits) or a credit pack (its credits). */
public record PricedItem(String priceId, Kind kind, String code, String name, long credits) {

    public enum Kind {
        PLAN, PACK
    }
}
