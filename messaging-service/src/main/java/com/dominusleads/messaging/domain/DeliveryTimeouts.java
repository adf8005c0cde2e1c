package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.config.MessagingDefaults;
import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Outreach sent but never delivered within {@code dominus.messaging.delivery-timeout} (a phone that stays off, a
 * number nobody uses any more): UNDELIVERED, message.status-changed FAILED with code {@value #NO_DELIVERY}, and the
 * conversation falls back to its next channel.
 */
@ApplicationScoped
public class DeliveryTimeouts {

    public static final String NO_DELIVERY = "no_delivery";

    private static final Logger LOG = Logger.getLogger(DeliveryTimeouts.class);

    private final TenantTransactions transactions;
    private final MessageStore messages;
    private final Outreach outreach;
    private final MessagingEvents events;
    private final MessagingDefaults defaults;

    public DeliveryTimeouts(TenantTransactions transactions, MessageStore messages, Outreach outreach,
                            MessagingEvents events, MessagingDefaults defaults) {
        this.transactions = transactions;
        this.messages = messages;
        this.outreach = outreach;
        this.events = events;
        this.defaults = defaults;
    }

    @Scheduled(every = "${dominus.messaging.delivery-check:30s}", delayed = "${dominus.messaging.dispatch.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Dispatcher.Disabled.class)
    Uni<Void> sweep() {
        return transactions.acrossTenants(tx -> messages.lockUndelivered(tx,
                        Instant.now().minus(defaults.deliveryTimeout()), 200)
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(message -> messages.move(tx, message.id(),
                                        List.of("SENT"), "UNDELIVERED", NO_DELIVERY,
                                        "not delivered within " + defaults.deliveryTimeout(), null)
                                .chain(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                                        : events.statusChanged(tx, moved.get(), "FAILED", NO_DELIVERY)
                                                .chain(() -> outreach.fallBack(tx, message.conversationId(),
                                                        message.attempt()))))
                        .collect().last().replaceWithVoid()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The delivery-timeout sweep failed (%s); the next one retries", failure.toString());
                    return null;
                });
    }
}
