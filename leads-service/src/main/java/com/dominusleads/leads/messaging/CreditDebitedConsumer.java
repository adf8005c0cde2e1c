package com.dominusleads.leads.messaging;

import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.leads.domain.LeadBilling;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code credit.debited} (the ledger charged a lead's credit) → the lead is charged. */
@ApplicationScoped
public class CreditDebitedConsumer {

    private final IdempotentConsumer consumer;
    private final LeadBilling billing;

    public CreditDebitedConsumer(IdempotentConsumer consumer, LeadBilling billing) {
        this.consumer = consumer;
        this.billing = billing;
    }

    @Incoming("credit-debited")
    public Uni<Void> consume(ConsumerRecords<String, CreditDebited> records) {
        return consumer.consume(IncomingEvent.all(records), (tx, event) -> billing.debited(tx,
                event.payload().getTenantId(), event.payload().getLeadId(), event.payload().getDebitId()));
    }
}
