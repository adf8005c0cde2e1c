package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.provider.ProviderClient;
import com.dominusleads.messaging.provider.ProviderClients;
import com.dominusleads.messaging.provider.Reconciliation;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends whose outcome a crash or a lost answer hid: recorded SENDING, lease expired, no answer recorded. Each is asked
 * of its provider (by our id, searching from its first try) before anything else: found → SENT; certainly not there →
 * scheduled again (sent once, now), if no answer to that try arrived meanwhile; the provider cannot tell yet → asked
 * again later. Nothing in doubt is ever sent blindly a second time.
 */
@ApplicationScoped
public class InDoubtSends {

    private static final Logger LOG = Logger.getLogger(InDoubtSends.class);

    private final TenantTransactions transactions;
    private final MessageStore messages;
    private final ChannelStore channels;
    private final SendResults results;
    private final ProviderClients clients;
    private final Duration recheck;

    /** {@code recheck}: how long a message the provider could not account for yet waits before it is asked again. */
    public InDoubtSends(TenantTransactions transactions, MessageStore messages, ChannelStore channels,
                        SendResults results, ProviderClients clients,
                        @ConfigProperty(name = "dominus.messaging.reconcile.recheck", defaultValue = "30s")
                        Duration recheck) {
        this.recheck = recheck;
        this.transactions = transactions;
        this.messages = messages;
        this.channels = channels;
        this.results = results;
        this.clients = clients;
    }

    @Scheduled(every = "${dominus.messaging.reconcile.interval:5s}", delayed = "${dominus.messaging.dispatch.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Dispatcher.Disabled.class)
    Uni<Void> reconcile() {
        return transactions.acrossTenants(tx -> messages.claimInDoubt(tx, recheck, 100))
                .chain(inDoubt -> Multi.createFrom().iterable(inDoubt)
                        .onItem().transformToUniAndMerge(this::reconcile)
                        .collect().last().replaceWithVoid())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Reconciling in-doubt sends failed (%s); the next round retries", failure.toString());
                    return null;
                });
    }

    private Uni<Void> reconcile(PendingMessage message) {
        return transactions.forTenant(message.tenantId(), tx -> channels.channel(tx, message.channelId()))
                .chain(channel -> {
                    Optional<ProviderClient> client = channel.flatMap(found -> clients.of(found.provider()));
                    if (client.isEmpty()) {
                        return Uni.createFrom().item(new Reconciliation.Unknown("channel or provider client gone"));
                    }
                    return client.get().reconcile(channel.get(), message.outgoing())
                            .invoke(answer -> LOG.infof("In-doubt message %s via %s: %s", message.id(),
                                    channel.get().provider(), answer));
                })
                .chain(answer -> transactions.forTenant(message.tenantId(), tx -> switch (answer) {
                    case Reconciliation.Sent sent -> channels.channel(tx, message.channelId())
                            .chain(channel -> results.sent(tx, message, channel.orElseThrow(), sent.providerMessageId()));
                    case Reconciliation.NotSent notSent -> messages.retry(tx, message, Instant.now(), false, false,
                            "in doubt; the provider does not have it: sent again");
                    case Reconciliation.Unknown unknown -> Uni.createFrom().voidItem();   // asked again after recheck
                }));
    }
}
