package com.dominusleads.ledger.messaging;

import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.events.lead.LeadQualified;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.ledger.domain.Grant;
import com.dominusleads.ledger.domain.QualifiedLead;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What moves the ledger from Kafka: {@code lead.qualified} → exactly one debit per lead (charged, or pending until
 * credits arrive); {@code credit.granted} (a purchase or plan credit from host-service) → credits, then pending
 * debits settled. Each batch is applied at most once, in one transaction (see {@link IdempotentConsumer}).
 */
@ApplicationScoped
public class LedgerConsumers {

    private static final String QUALIFIED_BY = "event:" + Topics.LEAD_QUALIFIED;
    private static final String GRANTED_BY = "event:" + Topics.CREDIT_GRANTED;

    private final IdempotentConsumer consumer;
    private final CreditLedger ledger;

    public LedgerConsumers(IdempotentConsumer consumer, CreditLedger ledger) {
        this.consumer = consumer;
        this.ledger = ledger;
    }

    @Incoming("lead-qualified")
    public Uni<Void> leadsQualified(ConsumerRecords<String, LeadQualified> records) {
        return consumer.consume(IncomingEvent.all(records),
                event -> event.getTenantId().isBlank() || event.getLeadId().isBlank()
                        ? "tenantId and leadId must not be blank" : null,
                this::debit);
    }

    @Incoming("credit-granted")
    public Uni<Void> creditsGranted(ConsumerRecords<String, CreditGranted> records) {
        return consumer.consume(IncomingEvent.all(records),
                granted -> granted.getTenantId().isBlank() ? "tenantId must not be blank"
                        : granted.getCredits() > 0 ? null : "a grant must add at least one credit",
                EventHandler.eachInOrder((tx, event) -> {
                    CreditGranted granted = event.payload();
                    return ledger.grant(tx, new Grant(granted.getTenantId(), granted.getGrantId(),
                            granted.getCredits(), granted.getReason(), granted.getReference(), GRANTED_BY))
                            .replaceWithVoid();
                }));
    }

    /**
     * One call per tenant of the batch, each with its leads in arrival order. Tenants are taken in a fixed order so
     * that two instances holding overlapping batches (during a rebalance) lock accounts in the same order.
     */
    private Uni<Void> debit(SqlConnection tx, List<IncomingEvent<LeadQualified>> events) {
        Map<String, List<QualifiedLead>> byTenant = new TreeMap<>();
        for (IncomingEvent<LeadQualified> event : events) {
            byTenant.computeIfAbsent(event.payload().getTenantId(), tenant -> new ArrayList<>())
                    .add(new QualifiedLead(event.payload().getLeadId(), event.id()));
        }
        return Multi.createFrom().iterable(byTenant.entrySet())
                .onItem().transformToUniAndConcatenate(tenant ->
                        ledger.debitQualifiedLeads(tx, tenant.getKey(), tenant.getValue(), QUALIFIED_BY))
                .collect().last().replaceWithVoid();
    }
}
