package com.dominusleads.leads.messaging;

import com.dominusleads.events.message.MessageSent;
import com.dominusleads.leads.persistence.PreleadStore;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code message.sent}: a queued pre-lead was contacted (the funnel's "contacted"). Each event is applied at most once
 * ({@link IdempotentConsumer}); a company the tenant never selected here (published by hand) changes nothing.
 */
@ApplicationScoped
public class ProgressConsumers {

    private final IdempotentConsumer consumer;
    private final PreleadStore preleads;

    public ProgressConsumers(IdempotentConsumer consumer, PreleadStore preleads) {
        this.consumer = consumer;
        this.preleads = preleads;
    }

    @Incoming("message-sent")
    public Uni<Void> sent(ConsumerRecords<String, MessageSent> records) {
        return consumer.consume(IncomingEvent.all(records), EventHandler.eachInOrder((tx, event) -> {
            MessageSent sent = event.payload();
            return preleads.contacted(tx, sent.getTenantId(), sent.getCnpj(), sent.getConversationId(),
                    sent.getOccurredAt().atOffset(ZoneOffset.UTC));
        }));
    }
}
