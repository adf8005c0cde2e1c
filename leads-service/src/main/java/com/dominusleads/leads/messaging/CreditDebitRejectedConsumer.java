package com.dominusleads.leads.messaging;

import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.leads.domain.LeadBilling;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code credit.debit-rejected} (the tenant had no credit for a lead) → the lead is locked, unless already charged. */
@ApplicationScoped
public class CreditDebitRejectedConsumer {

    private final IdempotentConsumer consumer;
    private final LeadBilling billing;

    public CreditDebitRejectedConsumer(IdempotentConsumer consumer, LeadBilling billing) {
        this.consumer = consumer;
        this.billing = billing;
    }

    @Incoming("credit-debit-rejected")
    public Uni<Void> consume(ConsumerRecords<String, CreditDebitRejected> records) {
        return consumer.consume(IncomingEvent.all(records), (tx, event) -> billing.debitRejected(tx,
                event.payload().getTenantId(), event.payload().getLeadId(), event.payload().getPendingDebitId()));
    }
}
