package com.dominusleads.messaging.provider;

import java.time.Duration;

/**
 * The answer to "did the provider take this message?" for a send whose outcome a crash hid (recorded, possibly sent,
 * never marked). Only {@link NotSent} lets the message be sent again.
 */
public sealed interface Reconciliation {

    /**
     * How much earlier than our {@code firstTryAt} a provider may date the message and it still be ours: clocks differ
     * a little, and providers keep whole seconds.
     */
    Duration CLOCK_SLACK = Duration.ofSeconds(5);

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
