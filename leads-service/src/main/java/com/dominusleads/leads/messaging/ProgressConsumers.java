package com.dominusleads.leads.messaging;

import com.dominusleads.events.message.MessageReplied;
import com.dominusleads.events.message.MessageSent;
import com.dominusleads.leads.domain.Reply;
import com.dominusleads.leads.domain.ReplyHandling;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.PreleadStore;
import java.util.Map;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Qualification progress from messaging-service: {@code message.sent} (a queued pre-lead was contacted) and
 * {@code message.replied} (classified with the tenant's playbook, which may make the company a lead). Each event is
 * applied at most once ({@link IdempotentConsumer}); a company the tenant never selected here (published by hand)
 * moves no pre-lead, though its reply is kept.
 */
@ApplicationScoped
public class ProgressConsumers {

    private final IdempotentConsumer consumer;
    private final PreleadStore preleads;
    private final ReplyHandling replies;
    private final CompanyEvents timeline;

    public ProgressConsumers(IdempotentConsumer consumer, PreleadStore preleads, ReplyHandling replies,
                             CompanyEvents timeline) {
        this.timeline = timeline;
        this.consumer = consumer;
        this.preleads = preleads;
        this.replies = replies;
    }

    @Incoming("message-sent")
    public Uni<Void> sent(ConsumerRecords<String, MessageSent> records) {
        return consumer.consume(IncomingEvent.all(records), EventHandler.eachInOrder((tx, event) -> {
            MessageSent sent = event.payload();
            return preleads.contacted(tx, sent.getTenantId(), sent.getCnpj(), sent.getConversationId(),
                            sent.getOccurredAt().atOffset(ZoneOffset.UTC))
                    .chain(() -> timeline.append(tx, sent.getTenantId(), null, sent.getCnpj(), "MESSAGE_SENT",
                            Map.of("channel", sent.getChannel(), "provider", sent.getProvider(),
                                    "recipient", sent.getRecipient(), "messageId", sent.getMessageId())));
        }));
    }

    @Incoming("message-replied")
    public Uni<Void> replied(ConsumerRecords<String, MessageReplied> records) {
        return consumer.consume(IncomingEvent.all(records), EventHandler.eachInOrder((tx, event) -> {
            MessageReplied reply = event.payload();
            return replies.received(tx, reply.getTenantId(), new Reply(reply.getMessageId(), reply.getCnpj(),
                    reply.getConversationId(), reply.getChannel(), reply.getSender(), reply.getText(),
                    reply.getOccurredAt(), null, java.util.List.of()));
        }));
    }
}
