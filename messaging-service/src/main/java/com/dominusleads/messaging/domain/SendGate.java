package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The last look before a provider call. A send is claimed up to the look-ahead before its slot (and may wait longer
 * for its spacing); an opt-out or a reply committed meanwhile must still stop it. Each send asks, at its start,
 * whether it is still to go: one statement answers for all the sends starting together ({@link Batches}) and cancels
 * those that must not go.
 */
@ApplicationScoped
public class SendGate {

    private final TenantTransactions transactions;
    private final MessageStore messages;
    private final Batches<PendingMessage, Boolean> batches = new Batches<>("send gate", 2, 512, this::check);

    public SendGate(TenantTransactions transactions, MessageStore messages) {
        this.transactions = transactions;
        this.messages = messages;
    }

    /** True when {@code message} (claimed at its try) may be sent now; false when it was stopped meanwhile. */
    public Uni<Boolean> mayStart(PendingMessage message) {
        return batches.submit(message);
    }

    private Uni<Void> check(List<Batches.Item<PendingMessage, Boolean>> starting) {
        return transactions.acrossTenants(tx -> messages.stillToSend(tx,
                        starting.stream().map(Batches.Item::value).toList()))
                .invoke(toSend -> starting.forEach(item -> item.complete(toSend.contains(item.value().id()))))
                .replaceWithVoid();
    }
}
