package com.dominusleads.messaging.provider;

/**
 * The answer to "did the provider take this message?" for a send whose outcome a crash hid (recorded, possibly sent,
 * never marked). Only {@link NotSent} lets the message be sent again.
 */
public sealed interface Reconciliation {

    /** The provider has it: the message counts as sent, with this provider id. */
    record Sent(String providerMessageId) implements Reconciliation {
    }

    /** The provider certainly does not have it: sending it now sends it once. */
    record NotSent() implements Reconciliation {
    }

    /** The provider cannot tell yet (lookup failed, or a status may still come): ask again later. */
    record Unknown(String reason) implements Reconciliation {
    }
}
