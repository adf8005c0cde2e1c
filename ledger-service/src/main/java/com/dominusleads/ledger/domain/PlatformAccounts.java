package com.dominusleads.ledger.domain;

/** The platform side of every movement (created by the migration); their balances are derived from entries. */
public final class PlatformAccounts {

    /** Every grant is drawn from here: minus the credits ever issued. */
    public static final String CREDITS_ISSUED = "platform/credits-issued";
    /** Every debit lands here: the credits ever consumed. */
    public static final String CREDITS_CONSUMED = "platform/credits-consumed";

    private PlatformAccounts() {
    }
}
