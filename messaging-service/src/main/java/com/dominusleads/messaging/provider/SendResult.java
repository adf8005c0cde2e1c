package com.dominusleads.messaging.provider;

import java.time.Duration;

/** What a provider answered to one send. */
public sealed interface SendResult {

    /** Accepted; the provider's id for the message (wamid, SM…, Evolution key id, Message-ID). */
    record Accepted(String providerMessageId) implements SendResult {
    }

    /**
     * The provider refused this recipient for good on this channel (an invalid or unreachable number, a landline for
     * SMS, a rejected mailbox): the conversation falls back to its next channel.
     */
    record Unreachable(String errorCode, String reason) implements SendResult {
    }

    /** The provider asked us to slow down: the message waits {@code retryAfter} and is tried again. */
    record Throttled(String errorCode, Duration retryAfter) implements SendResult {
    }

    /**
     * The channel itself is unusable (credentials refused, Evolution instance closed or gone): recorded as the
     * channel's health, and the message waits for another try (on this or another of the tenant's numbers).
     */
    record ChannelFailure(String errorCode, String reason) implements SendResult {
    }

    /** A failure that may pass (5xx, timeout, connection refused): the message is tried again later. */
    record Transient(String errorCode, String reason) implements SendResult {
    }
}
