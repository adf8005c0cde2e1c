package com.dominusleads.messaging.messaging;

import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.tenant.TenantSettingsChanged;
import com.dominusleads.messaging.domain.Outreach;
import com.dominusleads.messaging.persistence.SettingsStore;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What starts outreach from Kafka: {@code prelead.selected} opens a conversation and records its first message (the
 * dispatcher sends it); {@code tenant.settings-changed} keeps each tenant's templates, opt-out words and sending
 * hours. Each batch is applied at most once, in one transaction ({@link IdempotentConsumer}).
 */
@ApplicationScoped
public class OutreachConsumers {

    private final IdempotentConsumer consumer;
    private final Outreach outreach;
    private final SettingsStore settings;

    public OutreachConsumers(IdempotentConsumer consumer, Outreach outreach, SettingsStore settings) {
        this.consumer = consumer;
        this.outreach = outreach;
        this.settings = settings;
    }

    @Incoming("prelead-selected")
    public Uni<Void> preleadsSelected(ConsumerRecords<String, PreleadSelected> records) {
        return consumer.consume(IncomingEvent.all(records),
                selected -> selected.getTenantId().isBlank() || selected.getCnpj().isBlank()
                        ? "tenantId and cnpj must not be blank" : null,
                (tx, events) -> outreach.startAll(tx, events.stream().map(IncomingEvent::payload).toList()));
    }

    @Incoming("tenant-settings-changed")
    public Uni<Void> settingsChanged(ConsumerRecords<String, TenantSettingsChanged> records) {
        return consumer.consume(IncomingEvent.all(records),
                changed -> changed.getTenantId().isBlank() ? "tenantId must not be blank" : null,
                EventHandler.eachInOrder((tx, event) -> settings.save(tx, event.payload().getTenantId(),
                        event.payload().getSettings(), event.payload().getOccurredAt())));
    }
}
