package com.dominusleads.host.domain;

import java.util.Locale;

/** A Stripe subscription's status, as Stripe names it (upper-cased). */
public enum SubscriptionStatus {
    INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, UNPAID, CANCELED, PAUSED;

    /** Stripe's lower-case name; null for a status this version does not know. */
    public static SubscriptionStatus fromStripe(String status) {
        if (status == null) {
            return null;
        }
        try {
            return valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Paid up: the tenant's standing is good. */
    public boolean inGoodStanding() {
        return this == ACTIVE || this == TRIALING;
    }

    /** A payment is missing: the grace period runs, then the tenant is suspended. */
    public boolean overdue() {
        return this == PAST_DUE || this == UNPAID;
    }

    /** Still billing: the tenant cannot start a second subscription (it changes this one in the portal). */
    public boolean live() {
        return this != CANCELED && this != INCOMPLETE_EXPIRED;
    }
}
