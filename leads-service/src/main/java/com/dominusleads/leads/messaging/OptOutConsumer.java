package com.dominusleads.leads.messaging;

import com.dominusleads.events.message.ContactOptedOut;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.PreleadStore;
import java.util.Map;
import com.dominusleads.leads.persistence.SuppressedContactStore;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code contact.opted-out}: the address (and its company) leave the tenant's searches and selections, and the
 * company's pre-lead, if it is being qualified, ends OPTED_OUT. Each event is applied at most once
 * ({@link IdempotentConsumer}).
 */
@ApplicationScoped
public class OptOutConsumer {

    private final IdempotentConsumer consumer;
    private final SuppressedContactStore suppressed;
    private final PreleadStore preleads;
    private final CompanyEvents timeline;

    public OptOutConsumer(IdempotentConsumer consumer, SuppressedContactStore suppressed, PreleadStore preleads,
                          CompanyEvents timeline) {
        this.timeline = timeline;
        this.consumer = consumer;
        this.suppressed = suppressed;
        this.preleads = preleads;
    }

    @Incoming("contact-opted-out")
    public Uni<Void> optedOut(ConsumerRecords<String, ContactOptedOut> records) {
        return consumer.consume(IncomingEvent.all(records), EventHandler.eachInOrder((tx, event) -> {
            ContactOptedOut optOut = event.payload();
            String cnpj = optOut.getCnpj() == null || optOut.getCnpj().isBlank() ? null : optOut.getCnpj();
            return suppressed.add(tx, optOut.getTenantId(), optOut.getAddress(), optOut.getChannel(), cnpj,
                            optOut.getOccurredAt().atOffset(ZoneOffset.UTC))
                    .chain(() -> cnpj == null ? Uni.createFrom().voidItem()
                            : preleads.optedOut(tx, optOut.getTenantId(), cnpj)
                                    .chain(() -> timeline.append(tx, optOut.getTenantId(), null, cnpj, "OPTED_OUT",
                                            Map.of("channel", optOut.getChannel(), "address", optOut.getAddress()))));
        }));
    }
}
