package com.dominusleads.ledger.messaging;

import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.ledger.domain.Grant;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code credit.granted} (a purchase or plan credit from host-service) → credits, then pending debits settled. */
@ApplicationScoped
public class CreditGrantedConsumer {

    private static final String ACTOR = "event:" + Topics.CREDIT_GRANTED;

    private final IdempotentConsumer consumer;
    private final CreditLedger ledger;

    public CreditGrantedConsumer(IdempotentConsumer consumer, CreditLedger ledger) {
        this.consumer = consumer;
        this.ledger = ledger;
    }

    @Incoming("credit-granted")
    public Uni<Void> consume(ConsumerRecords<String, CreditGranted> records) {
        return consumer.consume(IncomingEvent.all(records),
                granted -> granted.getCredits() > 0 ? null : "a grant must add at least one credit", (tx, event) -> {
            CreditGranted granted = event.payload();
            return ledger.grant(tx, new Grant(granted.getTenantId(), granted.getGrantId(), granted.getCredits(),
                    granted.getReason(), granted.getReference(), ACTOR)).replaceWithVoid();
        });
    }
}
