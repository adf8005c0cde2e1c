package com.dominusleads.ledger.domain;

/** What a movement of credits is. */
public enum MovementKind {
    /** Credits bought or given: platform issuance → tenant account. */
    GRANT,
    /** One credit for one qualified lead: tenant account → platform consumption. */
    DEBIT,
    /** A debit given back by a host operator, with a reason: the debit's entries mirrored. */
    REVERSAL
}
