package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.config.MessagingDefaults;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.persistence.SettingsStore;
import com.dominusleads.messaging.persistence.SuppressionStore;
import com.dominusleads.messaging.persistence.TenantPacingStore;
import com.dominusleads.messaging.provider.ProviderClients;
import com.dominusleads.messaging.provider.SendResult;
import com.dominusleads.servicekit.tenancy.TenantStatuses;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The only place messages are sent from. Each round claims due messages ({@code for update skip locked}, so several
 * instances share the work), and in that transaction decides each one: cancelled (suppressed, or the conversation
 * ended), waiting (quiet hours, pacing, daily caps, a suspended tenant), falling back (no channel of its kind), or
 * sent through a chosen channel at a reserved slot, recorded as SENDING with a lease. Only after that record commits,
 * at the slot, and once {@link SendGate} confirms nothing stopped it meanwhile, is the provider called; its answer is
 * recorded by {@link SendAnswers}. A crash in between leaves SENDING past its lease, which {@link InDoubtSends}
 * reconciles with the provider before anything is sent again.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** A message the round decided to send (at its new try: slot and channel set), with its channel. */
    record Planned(PendingMessage message, Channel channel, int tenantPerSecond) {
    }

    private final TenantTransactions transactions;
    private final MessageStore messages;
    private final ChannelStore channels;
    private final SuppressionStore suppressions;
    private final SettingsStore settings;
    private final TenantPacingStore tenantPacing;
    private final TenantStatuses tenantStatuses;
    private final SendResults results;
    private final SendAnswers answers;
    private final SendGate gate;
    private final ProviderClients clients;
    private final SendPacing pacing;
    private final Duration lease;
    private final StartSpacing startSpacing = new StartSpacing();
    private final boolean limitsEnabled;
    private final DispatchLoop loop;

    public Dispatcher(TenantTransactions transactions, MessageStore messages, ChannelStore channels,
                      SuppressionStore suppressions, SettingsStore settings, TenantPacingStore tenantPacing,
                      TenantStatuses tenantStatuses, SendResults results, SendAnswers answers, SendGate gate,
                      ProviderClients clients, MessagingDefaults defaults,
                      @ConfigProperty(name = "dominus.messaging.dispatch.batch-size", defaultValue = "200") int batchSize,
                      @ConfigProperty(name = "dominus.messaging.dispatch.max-in-flight", defaultValue = "512")
                      int maxInFlight,
                      @ConfigProperty(name = "dominus.messaging.dispatch.lookahead", defaultValue = "1s")
                      Duration lookahead,
                      @ConfigProperty(name = "dominus.messaging.dispatch.lease", defaultValue = "60s") Duration lease) {
        this.transactions = transactions;
        this.messages = messages;
        this.channels = channels;
        this.suppressions = suppressions;
        this.settings = settings;
        this.tenantPacing = tenantPacing;
        this.tenantStatuses = tenantStatuses;
        this.results = results;
        this.answers = answers;
        this.gate = gate;
        this.clients = clients;
        this.pacing = new SendPacing(defaults.limitsEnabled(), lookahead, ChannelStore.CAP_ZONE);
        this.limitsEnabled = defaults.limitsEnabled();
        this.lease = lease;
        this.loop = new DispatchLoop(batchSize, maxInFlight, this::round);
    }

    /** A dispatching loop every interval (the scheduler checks once a second); see {@link DispatchLoop}. */
    @Scheduled(every = "${dominus.messaging.dispatch.interval:1s}", delayed = "${dominus.messaging.dispatch.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Dispatcher.Disabled.class)
    Uni<Void> tick() {
        return loop.start();
    }

    /** Claims and decides one batch, then starts the sends it planned; the result is how many it claimed. */
    Uni<Integer> round(int limit) {
        List<Planned> planned = new ArrayList<>();
        return transactions.acrossTenants(tx -> messages.lockDue(tx, Instant.now().plus(Duration.ofMillis(500)), limit)
                        .chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                                : decide(tx, due, planned).replaceWith(due.size())))
                .invoke(() -> planned.forEach(this::sendAt));
    }

    private Uni<Void> decide(SqlConnection tx, List<PendingMessage> due, List<Planned> planned) {
        List<String> tenants = due.stream().map(PendingMessage::tenantId).distinct().sorted().toList();
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> cnpjs = new LinkedHashSet<>();
        due.forEach(message -> {
            addresses.add(message.address());
            if (message.cnpj() != null) {
                cnpjs.add(message.cnpj());
            }
        });
        return suppressions.suppressedAmong(tx, tenants, List.copyOf(addresses), List.copyOf(cnpjs))
                .chain(suppressed -> channels.lockLive(tx, tenants)
                        .chain(live -> tenantPacing.lock(tx, tenants)
                                .chain(tenantSlots -> loadSettings(tx, tenants)
                                        .chain(tenantSettings -> apply(tx, due, suppressed, live, tenantSlots,
                                                tenantSettings, planned)))));
    }

    private Uni<Map<String, TenantSettings>> loadSettings(SqlConnection tx, List<String> tenants) {
        Map<String, TenantSettings> loaded = new HashMap<>();
        return Multi.createFrom().iterable(tenants)
                .onItem().transformToUniAndConcatenate(tenant -> settings.load(tx, tenant)
                        .invoke(value -> loaded.put(tenant, value)))
                .collect().last().replaceWith(loaded);
    }

    private Uni<Void> apply(SqlConnection tx, List<PendingMessage> due, Set<String> suppressed,
                            List<ChannelStore.Live> live, Map<String, Instant> tenantNext,
                            Map<String, TenantSettings> tenantSettings, List<Planned> planned) {
        Instant now = Instant.now();
        Map<String, List<SendPacing.ChannelSlots>> slotsByTenant = new HashMap<>();
        Map<UUID, Channel> byId = new HashMap<>();
        live.forEach(channel -> {
            slotsByTenant.computeIfAbsent(channel.channel().tenantId(), tenant -> new ArrayList<>())
                    .add(channel.slots());
            byId.put(channel.channel().id(), channel.channel());
        });
        Map<String, SendPacing.TenantSlots> tenantSlots = new HashMap<>();
        tenantNext.forEach((tenant, next) -> tenantSlots.put(tenant,
                new SendPacing.TenantSlots(tenantSettings.get(tenant).perSecond(), next)));

        List<PendingMessage> sending = new ArrayList<>();
        List<UUID> cancelled = new ArrayList<>();
        List<PendingMessage> noChannel = new ArrayList<>();
        Uni<Void> waits = Uni.createFrom().voidItem();
        for (PendingMessage message : due) {
            String tenant = message.tenantId();
            if (message.outreach() && (suppressed.contains(tenant + "|" + message.address())
                    || (message.cnpj() != null && suppressed.contains(tenant + "|" + message.cnpj()))
                    || (message.conversationState() != null && !isOpen(message.conversationState())))) {
                cancelled.add(message.id());
                continue;
            }
            if (tenantStatuses.of(tenant).map(state -> state.refused()).orElse(false)) {
                waits = waits.chain(() -> wait(tx, message, now.plus(Duration.ofMinutes(10)), "tenant suspended"));
                continue;
            }
            Instant opening = message.outreach() ? tenantSettings.get(tenant).sendingHours().nextAllowed(now) : now;
            if (opening.isAfter(now)) {
                waits = waits.chain(() -> wait(tx, message, opening, "quiet hours"));
                continue;
            }
            SendPacing.Decision decision = pacing.reserve(message.kind(), message.channelId(),
                    slotsByTenant.getOrDefault(tenant, List.of()), tenantSlots.get(tenant), now);
            switch (decision) {
                case SendPacing.Decision.Send send -> {
                    PendingMessage tried = message.tried(send.channel(), send.at());
                    sending.add(tried);
                    planned.add(new Planned(tried, byId.get(send.channel()), tenantSettings.get(tenant).perSecond()));
                }
                case SendPacing.Decision.Wait wait -> waits = waits.chain(() -> wait(tx, message, wait.until(),
                        wait.reason()));
                case SendPacing.Decision.NoChannel none -> noChannel.add(message);
            }
        }
        Map<String, Instant> tenantUpdates = new HashMap<>();
        tenantSlots.forEach((tenant, slots) -> tenantUpdates.put(tenant, slots.nextSlot()));
        return waits
                .chain(() -> messages.cancel(tx, cancelled, "suppressed, or the conversation ended"))
                .chain(() -> messages.markSending(tx, sending, id -> byId.get(id).provider(), lease))
                .chain(() -> channels.saveSlots(tx, slotsByTenant.values().stream().flatMap(List::stream).toList()))
                .chain(() -> tenantPacing.save(tx, tenantUpdates))
                .chain(() -> Multi.createFrom().iterable(noChannel)
                        .onItem().transformToUniAndConcatenate(message -> results.noChannel(tx, message))
                        .collect().last().replaceWithVoid());
    }

    private Uni<Void> wait(SqlConnection tx, PendingMessage message, Instant until, String reason) {
        return messages.postpone(tx, message.id(), until, null)
                .invoke(() -> LOG.debugf("Message %s waits until %s: %s", message.id(), until, reason));
    }

    private static boolean isOpen(String conversationState) {
        return Conversation.CONTACTING.equals(conversationState) || Conversation.AWAITING_REPLY.equals(conversationState);
    }

    /**
     * Calls the provider at the message's slot (never before, nor closer to the previous send) unless it was stopped
     * meanwhile, then records the answer.
     */
    private void sendAt(Planned planned) {
        loop.sendStarted();
        waitFor(Duration.between(Instant.now(), planned.message().triedAt()))
                .chain(() -> gate.mayStart(planned.message()))
                // Spaced after the gate, right before the call: the gate's own wait must not bunch sends up.
                .chain(go -> !go ? Uni.createFrom().voidItem()
                        : (limitsEnabled ? spaced(planned) : Uni.createFrom().voidItem())
                                .chain(() -> send(planned))
                                .chain(result -> answers.record(planned.message(), planned.channel(), result)))
                .onTermination().invoke(loop::sendEnded)
                .subscribe().with(ignored -> { }, failure -> LOG.warnf(
                        "Message %s: %s; it is reconciled after its lease", planned.message().id(), failure.toString()));
    }

    /** Completes when the send may start without coming closer than a spacing to the previous one (see StartSpacing). */
    private Uni<Void> spaced(Planned planned) {
        Duration wait = startSpacing.tryStart(planned.channel().id(), SendPacing.spacing(planned.channel().perSecond()),
                planned.message().tenantId(), SendPacing.spacing(planned.tenantPerSecond()), Instant.now());
        return wait.isZero() ? Uni.createFrom().voidItem() : waitFor(wait).chain(() -> spaced(planned));
    }

    private static Uni<Void> waitFor(Duration wait) {
        return wait.toMillis() > 0 ? Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                : Uni.createFrom().voidItem();
    }

    private Uni<SendResult> send(Planned planned) {
        return clients.of(planned.channel().provider())
                .map(client -> client.send(planned.channel(), planned.message().outgoing()))
                .orElseGet(() -> Uni.createFrom().item(new SendResult.ChannelFailure("no_client",
                        "no client for " + planned.channel().provider())));
    }

    /** Turns the dispatcher off where a test drives sends itself. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final boolean enabled;

        public Disabled(@ConfigProperty(name = "dominus.messaging.dispatch.enabled", defaultValue = "true")
                        boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !enabled;
        }
    }
}
