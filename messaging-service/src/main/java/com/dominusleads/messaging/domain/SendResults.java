package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.SendResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records what a provider answered to a send, in one transaction with its events: SENT (message.sent); refused for
 * this recipient (FAILED, message.status-changed, fallback to the next channel); throttled, channel or transient
 * failures (the message waits and is tried again, up to {@link #MAX_TRIES}, then fails and falls back).
 */
@ApplicationScoped
public class SendResults {

    static final int MAX_TRIES = 8;
    /** How long a send that got no answer waits before its provider is asked whether it arrived. */
    static final Duration IN_DOUBT_AFTER = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(SendResults.class);

    private final MessageStore messages;
    private final ConversationStore conversations;
    private final ChannelStore channels;
    private final Outreach outreach;
    private final MessagingEvents events;

    public SendResults(MessageStore messages, ConversationStore conversations, ChannelStore channels,
                       Outreach outreach, MessagingEvents events) {
        this.messages = messages;
        this.conversations = conversations;
        this.channels = channels;
        this.outreach = outreach;
        this.events = events;
    }

    public Uni<Void> apply(SqlClient tx, PendingMessage message, Channel channel, SendResult result) {
        return switch (result) {
            case SendResult.Accepted accepted -> sent(tx, message, channel, accepted.providerMessageId());
            case SendResult.Unreachable unreachable -> failed(tx, message, unreachable.errorCode(),
                    unreachable.reason());
            case SendResult.Throttled throttled -> {
                Instant retry = Instant.now().plus(throttled.retryAfter());
                yield messages.reschedule(tx, message.id(), retry, false,
                                "throttled by the provider (" + throttled.errorCode() + ")")
                        .chain(() -> channels.holdUntil(tx, channel.id(), retry));
            }
            case SendResult.ChannelFailure failure -> channels.recordError(tx, channel.id(),
                            failure.errorCode() + ": " + failure.reason())
                    .chain(() -> retryLater(tx, message, true, failure.errorCode(), failure.reason()));
            case SendResult.Transient failure when ProviderFailures.mayHaveArrived(failure) ->
                    // No answer, but the request may have reached the provider: in doubt, asked before any resend.
                    messages.holdInDoubt(tx, message.id(), Instant.now().plus(IN_DOUBT_AFTER),
                            failure.errorCode() + ": " + failure.reason());
            case SendResult.Transient failure -> retryLater(tx, message, false, failure.errorCode(), failure.reason());
        };
    }

    /** The provider has the message (its answer, or a reconciliation found it). */
    public Uni<Void> sent(SqlClient tx, PendingMessage message, Channel channel, String providerMessageId) {
        return messages.markSent(tx, message.id(), providerMessageId).chain(marked -> {
            if (marked.isEmpty()) {
                return Uni.createFrom().voidItem();  // a status webhook got there first
            }
            Uni<Void> conversation = message.conversationId() == null || !message.outreach()
                    ? Uni.createFrom().voidItem()
                    : conversations.updateIfOpen(tx, message.conversationId(), Conversation.AWAITING_REPLY);
            return conversation.chain(() -> channels.recordHealthy(tx, channel.id()))
                    .chain(() -> events.sent(tx, marked.get()));
        });
    }

    /** The recipient cannot be reached on this channel: FAILED, and outreach falls back to its next channel. */
    public Uni<Void> failed(SqlClient tx, PendingMessage message, String errorCode, String reason) {
        return messages.move(tx, message.id(), List.of("SENDING", "SENT", "SCHEDULED"), "FAILED", errorCode, reason)
                .chain(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                        : events.statusChanged(tx, moved.get(), "FAILED", errorCode)
                                .chain(() -> message.outreach() && message.conversationId() != null
                                        ? outreach.fallBack(tx, message.conversationId(), message.attempt())
                                        : Uni.createFrom().voidItem()));
    }

    private Uni<Void> retryLater(SqlClient tx, PendingMessage message, boolean otherChannel, String code,
                                 String reason) {
        int tries = message.sendTries() + 1;
        if (tries >= MAX_TRIES) {
            LOG.warnf("Message %s failed %d times (%s: %s); giving up on this channel", message.id(), tries, code,
                    reason);
            return failed(tx, message, code, "gave up after " + tries + " tries: " + reason);
        }
        Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(tries, 8)));
        return messages.reschedule(tx, message.id(), Instant.now().plus(backoff), otherChannel,
                code + ": " + reason);
    }
}
