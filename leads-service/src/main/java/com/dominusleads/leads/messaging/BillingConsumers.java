package com.dominusleads.leads.messaging;

import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.leads.domain.LeadBilling;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The ledger's verdicts on qualified leads: {@code credit.debited} → the lead is charged; {@code credit.debit-rejected}
 * → it is locked until credits arrive. Each batch is applied at most once (see {@link IdempotentConsumer}).
 */
@ApplicationScoped
public class BillingConsumers {

    private final IdempotentConsumer consumer;
    private final LeadBilling billing;

    public BillingConsumers(IdempotentConsumer consumer, LeadBilling billing) {
        this.consumer = consumer;
        this.billing = billing;
    }

    @Incoming("credit-debited")
    public Uni<Void> debited(ConsumerRecords<String, CreditDebited> records) {
        return consumer.consume(IncomingEvent.all(records), (tx, events) -> billing.debited(tx, events.stream()
                .map(event -> new LeadBilling.Debited(event.payload().getTenantId(), event.payload().getLeadId(),
                        event.payload().getDebitId()))
                .toList()));
    }

    @Incoming("credit-debit-rejected")
    public Uni<Void> rejected(ConsumerRecords<String, CreditDebitRejected> records) {
        return consumer.consume(IncomingEvent.all(records), EventHandler.eachInOrder((tx, event) ->
                billing.debitRejected(tx, event.payload().getTenantId(), event.payload().getLeadId(),
                        event.payload().getPendingDebitId())));
    }
}
