package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.SendResult;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Records what a provider answered to a send, in one transaction with its events: SENT (message.sent); refused for
 * this recipient (FAILED, message.status-changed, fallback to the next channel), or refused because the contact
 * opted out at the provider (FAILED and an opt-out, no fallback); throttled or a channel failure (the message waits,
 * the channel is held, another of the tenant's channels may take it); transient failures (tried again with back-off,
 * up to {@link #MAX_FAILURES}, then FAILED with fallback). Every answer but SENT applies only while the message is
 * still at the try it answers: a late answer never moves a later try.
 */
@ApplicationScoped
public class SendResults {

    static final int MAX_FAILURES = 8;
    /** How long a send that got no answer waits before its provider is asked whether it arrived. */
    static final Duration IN_DOUBT_AFTER = Duration.ofSeconds(10);
    /** How long a channel that failed (credentials refused, instance gone) is left out before it is tried again. */
    static final Duration CHANNEL_COOL_DOWN = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(SendResults.class);
    /** A failure reported for a send: a scheduled message (a later try, after a reconciliation) is not this send. */
    private static final List<String> SENT_OR_SENDING = List.of("SENDING", "SENT");

    private final MessageStore messages;
    private final ConversationStore conversations;
    private final ChannelStore channels;
    private final Outreach outreach;
    private final OptOuts optOuts;
    private final MessagingEvents events;

    public SendResults(MessageStore messages, ConversationStore conversations, ChannelStore channels,
                       Outreach outreach, OptOuts optOuts, MessagingEvents events) {
        this.messages = messages;
        this.conversations = conversations;
        this.channels = channels;
        this.outreach = outreach;
        this.optOuts = optOuts;
        this.events = events;
    }

    /** A provider's answer to try {@code message.sendTries()} of {@code message} through {@code channel}. */
    public record Answer(PendingMessage message, Channel channel, SendResult result) {
    }

    /**
     * Applies answers of one transaction: the accepted ones together, in four statements however many there are
     * (most answers under load are), then the others one by one, in order. A channel that also failed or was
     * throttled in the batch is not marked healthy by its accepted sends: the failure's hold stands.
     */
    public Uni<Void> applyAll(SqlClient tx, List<Answer> answers) {
        List<Answer> accepted = answers.stream().filter(answer -> answer.result() instanceof SendResult.Accepted)
                .toList();
        Set<UUID> troubled = answers.stream().filter(answer -> answer.result() instanceof SendResult.ChannelFailure
                        || answer.result() instanceof SendResult.Throttled)
                .map(answer -> answer.channel().id()).collect(Collectors.toSet());
        return sent(tx, accepted, troubled).chain(() -> Multi.createFrom().iterable(answers)
                .filter(answer -> !(answer.result() instanceof SendResult.Accepted))
                .onItem().transformToUniAndConcatenate(answer -> applyOne(tx, answer))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> applyOne(SqlClient tx, Answer answer) {
        PendingMessage message = answer.message();
        Channel channel = answer.channel();
        return switch (answer.result()) {
            case SendResult.Accepted accepted -> throw new IllegalStateException("accepted answers go together");
            case SendResult.Unreachable unreachable -> fail(tx, message, SENT_OR_SENDING, message.sendTries(), unreachable.errorCode(),
                    unreachable.reason());
            case SendResult.Throttled throttled -> {
                Instant retry = Instant.now().plus(throttled.retryAfter());
                yield messages.retry(tx, message, retry, false, false,
                                "throttled by the provider (" + throttled.errorCode() + ")")
                        .chain(() -> channels.holdUntil(tx, channel.id(), retry));
            }
            // Not the message's fault: it waits for another channel (or this one, once it is back), and the channel
            // is left out meanwhile so that it is not picked again at once.
            case SendResult.ChannelFailure failure -> channels.recordError(tx, channel.id(),
                            failure.errorCode() + ": " + failure.reason())
                    .chain(() -> channels.holdUntil(tx, channel.id(), Instant.now().plus(CHANNEL_COOL_DOWN)))
                    .chain(() -> messages.retry(tx, message, Instant.now(), true, false,
                            failure.errorCode() + ": " + failure.reason()));
            case SendResult.Transient failure when ProviderFailures.mayHaveArrived(failure) ->
                    // No answer, but the request may have reached the provider: in doubt, asked before any resend.
                    messages.holdInDoubt(tx, message, Instant.now().plus(IN_DOUBT_AFTER),
                            failure.errorCode() + ": " + failure.reason());
            case SendResult.Transient failure -> retryLater(tx, message, failure.errorCode(), failure.reason());
        };
    }

    /** The provider has the message (its answer, a status, or a reconciliation found it), whichever try it was. */
    public Uni<Void> sent(SqlClient tx, PendingMessage message, Channel channel, String providerMessageId) {
        return sent(tx, List.of(new Answer(message, channel, new SendResult.Accepted(providerMessageId))));
    }

    /**
     * {@link #sent(SqlClient, PendingMessage, Channel, String)} for accepted answers, set-based: SENT for those still
     * being sent (not fenced by their try: whichever try the provider took, it has the message), their conversations
     * awaiting the reply, their channels healthy, and their message.sent events. The first answer of a message counts.
     */
    public Uni<Void> sent(SqlClient tx, List<Answer> accepted) {
        return sent(tx, accepted, Set.of());
    }

    private Uni<Void> sent(SqlClient tx, List<Answer> accepted, Set<UUID> troubled) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Answer> byMessage = new LinkedHashMap<>();
        accepted.forEach(answer -> byMessage.putIfAbsent(answer.message().id(), answer));
        return messages.markSent(tx, List.copyOf(byMessage.keySet()), byMessage.values().stream()
                        .map(answer -> ((SendResult.Accepted) answer.result()).providerMessageId()).toList())
                .chain(marked -> {
                    if (marked.isEmpty()) {
                        return Uni.createFrom().voidItem();   // status webhooks got there first
                    }
                    List<Answer> applied = marked.stream().map(message -> byMessage.get(message.id())).toList();
                    List<UUID> awaitingReply = applied.stream().map(Answer::message)
                            .filter(message -> message.conversationId() != null && message.outreach())
                            .map(PendingMessage::conversationId).distinct().toList();
                    List<UUID> healthy = applied.stream().map(answer -> answer.channel().id())
                            .filter(channel -> !troubled.contains(channel)).distinct().toList();
                    return conversations.updateIfOpen(tx, awaitingReply, Conversation.AWAITING_REPLY)
                            .chain(() -> channels.recordHealthy(tx, healthy))
                            .chain(() -> events.sent(tx, marked));
                });
    }

    /**
     * The recipient cannot be reached on this channel (a failure status, or no channel of its kind): FAILED, and
     * outreach falls back to its next channel; an opt-out the provider reports ends outreach to the contact instead.
     */
    public Uni<Void> failed(SqlClient tx, PendingMessage message, String errorCode, String reason) {
        return fail(tx, message, SENT_OR_SENDING, null, errorCode, reason);
    }

    /** The tenant has no channel of the message's kind (the dispatcher, holding the scheduled message). */
    public Uni<Void> noChannel(SqlClient tx, PendingMessage message) {
        return fail(tx, message, List.of("SCHEDULED"), null, "no_channel",
                "the tenant has no live " + message.kind() + " channel");
    }

    private Uni<Void> fail(SqlClient tx, PendingMessage message, List<String> from, Integer tryFence,
                           String errorCode, String reason) {
        return messages.move(tx, message.id(), from, "FAILED", errorCode, reason, tryFence)
                .chain(moved -> {
                    if (moved.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> reported = events.statusChanged(tx, moved.get(), "FAILED", errorCode);
                    if (ProviderFailures.isOptOut(errorCode)) {
                        return reported.chain(() -> optOuts.record(tx, message.tenantId(), message.kind(),
                                message.address(), moved.get().cnpj(), "refused by the provider: " + errorCode
                                        + " (" + reason + ")")).replaceWithVoid();
                    }
                    return reported.chain(() -> message.outreach() && message.conversationId() != null
                            ? outreach.fallBack(tx, message.conversationId(), message.attempt())
                            : Uni.createFrom().voidItem());
                });
    }

    private Uni<Void> retryLater(SqlClient tx, PendingMessage message, String code, String reason) {
        int failures = message.failures() + 1;
        if (failures >= MAX_FAILURES) {
            LOG.warnf("Message %s failed %d times (%s: %s); giving up on this channel", message.id(), failures, code,
                    reason);
            return fail(tx, message, SENT_OR_SENDING, message.sendTries(), code, "gave up after " + failures + " tries: " + reason);
        }
        Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(failures, 8)));
        return messages.retry(tx, message, Instant.now().plus(backoff), false, true, code + ": " + reason);
    }
}
