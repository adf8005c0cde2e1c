package com.dominusleads.ledger.messaging;

import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.LeadQualified;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code lead.qualified} → exactly one debit per lead (charged, or pending until credits arrive). */
@ApplicationScoped
public class LeadQualifiedConsumer {

    private static final String ACTOR = "event:" + Topics.LEAD_QUALIFIED;

    private final IdempotentConsumer consumer;
    private final CreditLedger ledger;

    public LeadQualifiedConsumer(IdempotentConsumer consumer, CreditLedger ledger) {
        this.consumer = consumer;
        this.ledger = ledger;
    }

    @Incoming("lead-qualified")
    public Uni<Void> consume(ConsumerRecords<String, LeadQualified> records) {
        return consumer.consume(IncomingEvent.all(records), LeadQualifiedConsumer::problem, (tx, event) -> ledger.debitQualifiedLead(tx,
                event.payload().getTenantId(), event.payload().getLeadId(), event.id(), ACTOR));
    }

    private static String problem(LeadQualified event) {
        return event.getTenantId().isBlank() || event.getLeadId().isBlank() ? "tenantId and leadId must not be blank" : null;
    }
}
