package com.dominusleads.host.messaging;

import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.host.domain.UsageDay;
import com.dominusleads.host.persistence.UsageStore;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code credit.debited} → the tenant's daily usage (credits per São Paulo day of the debit, see {@link UsageDay}).
 * Each event is counted at most once (see {@link IdempotentConsumer}); a batch becomes one upsert per (tenant, day).
 */
@ApplicationScoped
public class UsageConsumer {

    private final IdempotentConsumer consumer;
    private final UsageStore usage;

    public UsageConsumer(IdempotentConsumer consumer, UsageStore usage) {
        this.consumer = consumer;
        this.usage = usage;
    }

    @Incoming("credit-debited")
    public Uni<Void> creditsDebited(ConsumerRecords<String, CreditDebited> records) {
        return consumer.consume(IncomingEvent.all(records),
                debited -> debited.getTenantId().isBlank() ? "tenantId must not be blank"
                        : debited.getCredits() < 0 ? "credits must not be negative" : null,
                (tx, events) -> usage.add(tx, increments(events)));
    }

    /** One increment per (tenant, day), in tenant then day order. */
    static List<UsageStore.Increment> increments(List<IncomingEvent<CreditDebited>> events) {
        Map<String, Map<LocalDate, Long>> byTenant = new TreeMap<>();
        for (IncomingEvent<CreditDebited> event : events) {
            CreditDebited debited = event.payload();
            byTenant.computeIfAbsent(debited.getTenantId(), tenant -> new TreeMap<>())
                    .merge(UsageDay.of(debited.getOccurredAt()), debited.getCredits(), Long::sum);
        }
        List<UsageStore.Increment> increments = new ArrayList<>();
        byTenant.forEach((tenant, days) -> days.forEach((day, credits) ->
                increments.add(new UsageStore.Increment(tenant, day, credits))));
        return increments;
    }
}
