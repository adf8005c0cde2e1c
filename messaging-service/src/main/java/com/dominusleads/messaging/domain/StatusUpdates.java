package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.persistence.MessageStore.Tracked;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.SendResult;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies providers' delivery statuses for one tenant's messages, set-based: two statuses per send come back under
 * load (sent, delivered), so a batch of them costs a few statements, not a few each (bench messaging). The result is
 * the one of applying them one by one, in order: a status for a message still SENDING first records it sent (its
 * answer was lost, or the status won the race); DELIVERED and READ then move it forward, never back; FAILED makes
 * the conversation fall back (or records the provider's opt-out). Every move is guarded by the state it leaves.
 */
@ApplicationScoped
public class StatusUpdates {

    /** A status, with the channel it came through. */
    public record Status(Channel channel, StatusUpdate update) {
    }

    private static final Logger LOG = Logger.getLogger(StatusUpdates.class);
    /** The states of a message whose send was not recorded as taken by the provider yet. */
    private static final List<String> RECORDED_BEFORE_SENT = List.of("SENDING", "SCHEDULED");

    private final MessageStore messages;
    private final SendResults results;
    private final MessagingEvents events;

    public StatusUpdates(MessageStore messages, SendResults results, MessagingEvents events) {
        this.messages = messages;
        this.results = results;
        this.events = events;
    }

    /** Applies {@code statuses}, all for {@code tenantId}'s messages, in order. */
    public Uni<Void> apply(SqlClient tx, String tenantId, List<Status> statuses) {
        if (statuses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return messages.trackAll(tx, tenantId, statuses.stream().map(received -> new MessageStore.Reference(
                        received.update().provider(), received.update().providerMessageId(),
                        received.update().messageId())).toList())
                .chain(found -> {
                    // Rounds holding each message at most once, in the order its statuses came: a statement moves a
                    // row once, and a message's statuses must apply in order (delivered, then read).
                    List<List<Tracking>> rounds = new ArrayList<>();
                    Map<UUID, Integer> seen = new HashMap<>();
                    for (int i = 0; i < statuses.size(); i++) {
                        Optional<Tracked> message = found.get(i);
                        StatusUpdate update = statuses.get(i).update();
                        if (message.isEmpty()) {
                            LOG.debugf("Status %s for unknown %s message %s: ignored", update.status(),
                                    update.provider(), update.providerMessageId());
                            continue;
                        }
                        int round = seen.merge(message.get().id(), 0, (before, none) -> before + 1);
                        if (round == rounds.size()) {
                            rounds.add(new ArrayList<>());
                        }
                        rounds.get(round).add(new Tracking(statuses.get(i), message.get()));
                    }
                    Uni<Void> chain = messages.lock(tx, List.copyOf(seen.keySet()));
                    for (List<Tracking> round : rounds) {
                        chain = chain.chain(() -> recordSent(tx, round)).chain(() -> apply(tx, round));
                    }
                    return chain;
                });
    }

    private record Tracking(Status received, Tracked message) {
        DeliveryStatus status() {
            return received.update().status();
        }
    }

    /**
     * Messages not recorded sent when their statuses were looked up (SENDING, or SCHEDULED: a later try was scheduled
     * because reconciliation did not find this one), reported anything but failed in this round: the provider has
     * them although their answer was never recorded, so they count as sent, once, with the provider's id. Every round
     * asks: a message's first statuses may be failures that leave it scheduled ({@code markSent} moves it once).
     */
    private Uni<Void> recordSent(SqlClient tx, List<Tracking> round) {
        return results.sent(tx, round.stream()
                .filter(tracking -> RECORDED_BEFORE_SENT.contains(tracking.message().status())
                        && tracking.status() != DeliveryStatus.FAILED)
                .map(tracking -> new SendResults.Answer(pending(tracking.message()), tracking.received().channel(),
                        new SendResult.Accepted(tracking.received().update().providerMessageId())))
                .toList());
    }

    /**
     * One round: DELIVERED and READ moved together with their events; SENT moves only from SENDING or SCHEDULED,
     * which {@link #recordSent} has already done; FAILED one by one (fallback, opt-outs).
     */
    private Uni<Void> apply(SqlClient tx, List<Tracking> round) {
        List<MessageStore.Move> forward = round.stream()
                .filter(tracking -> tracking.status() == DeliveryStatus.DELIVERED
                        || tracking.status() == DeliveryStatus.READ)
                .map(tracking -> new MessageStore.Move(tracking.message().id(), from(tracking.status()),
                        tracking.status().name(), null, null, null))
                .toList();
        return messages.moveAll(tx, forward)
                .chain(moved -> moved.isEmpty() ? Uni.createFrom().voidItem() : events.statusChanged(tx, moved))
                .chain(() -> Multi.createFrom().iterable(round)
                        .filter(tracking -> tracking.status() == DeliveryStatus.FAILED)
                        .onItem().transformToUniAndConcatenate(tracking -> results.failed(tx,
                                pending(tracking.message()), tracking.received().update().errorCode(),
                                tracking.received().update().errorTitle()))
                        .collect().last().replaceWithVoid());
    }

    /** The states a message may take DELIVERED or READ from: statuses only move forward. */
    private static List<String> from(DeliveryStatus status) {
        return status == DeliveryStatus.READ ? List.of("SENDING", "SENT", "DELIVERED") : List.of("SENDING", "SENT");
    }

    private static PendingMessage pending(Tracked message) {
        return PendingMessage.toSend(message.id(), message.tenantId(), message.conversationId(), null,
                message.purpose(), message.kind(), message.address(), null, "", message.attempt(), message.cnpj(), null);
    }
}
