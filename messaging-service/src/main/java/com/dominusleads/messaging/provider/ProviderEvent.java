package com.dominusleads.messaging.provider;

import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import java.time.Instant;
import java.util.UUID;

/** What a verified webhook (or a polled mailbox) tells us, already in our terms. */
public sealed interface ProviderEvent {

    Provider provider();

    /**
     * A contact wrote to one of our senders. {@code from} is normalised (E.164, or a lower-case e-mail address);
     * {@code to} is our sender's address as the provider names it (phone-number id, E.164 number, instance, mailbox);
     * {@code inReplyTo} is our message id when the provider tells it (an e-mail's In-Reply-To), else null.
     */
    record InboundMessage(Provider provider, ChannelKind kind, String providerMessageId, String from, String to,
                          String text, Instant at, UUID inReplyTo) implements ProviderEvent {
    }

    /**
     * A delivery status for one of our messages, by the provider's id and, when the provider echoes it, by ours.
     * {@code errorCode} is the provider's code for FAILED.
     */
    record StatusUpdate(Provider provider, String providerMessageId, UUID messageId, DeliveryStatus status,
                        String errorCode, String errorTitle, Instant at) implements ProviderEvent {
    }

    /** An Evolution instance's connection changed ({@code open}, {@code connecting}, {@code close}). */
    record ConnectionChanged(Provider provider, String instance, String state, Instant at) implements ProviderEvent {
    }
}
