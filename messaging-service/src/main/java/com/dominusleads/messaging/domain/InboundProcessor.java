package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.persistence.SettingsStore;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies what verified webhooks and polled mailboxes report, for the tenant of the channel they came through: replies
 * (deduplicated by provider id, tied to their conversation, opt-outs honoured at once) and delivery statuses.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);
    /**
     * Transactions applying reports at once: fewer than the pool's connections, which sends need too. A report goes
     * alone while fewer run; under load (two status webhooks per send) the ones arriving meanwhile share the next.
     * Few: on two cores, ten concurrent writers kept more backends competing for the CPU than sharing saved (bench
     * messaging, 1,000 webhooks/s: 15.2 s of CPU per 10 s with 4 writers, 16.6 to 17.3 s with 10).
     */
    static final int WRITERS = 4;
    /**
     * Reports per shared transaction: a few spread its cost; more made each webhook wait for the whole batch's
     * commit and its answer for every other one's (bench messaging: p99 43 ms with 8, 62 to 108 ms with 32 to 64).
     */
    static final int BATCH = 8;

    /** What one webhook (or one mailbox message) reported, through {@code channel}. */
    private record Received(Channel channel, List<ProviderEvent> events) {
    }

    private final TenantTransactions transactions;
    private final MessageStore messages;
    private final ConversationStore conversations;
    private final ChannelStore channels;
    private final OptOuts optOuts;
    private final SettingsStore settings;
    private final MessageTemplates templates;
    private final StatusUpdates statuses;
    private final MessagingEvents events;
    private final Batches<Received, Void> batches = new Batches<>("inbound reports", WRITERS, BATCH, this::applyBatch);

    public InboundProcessor(TenantTransactions transactions, MessageStore messages, ConversationStore conversations,
                            ChannelStore channels, OptOuts optOuts, SettingsStore settings,
                            MessageTemplates templates, StatusUpdates statuses, MessagingEvents events) {
        this.transactions = transactions;
        this.messages = messages;
        this.conversations = conversations;
        this.channels = channels;
        this.optOuts = optOuts;
        this.settings = settings;
        this.templates = templates;
        this.statuses = statuses;
        this.events = events;
    }

    /**
     * Applies {@code events}, received through {@code channel}, in one transaction; idempotent. Done once committed.
     * Under load a report of statuses only shares its transaction with the tenant's other such reports arriving
     * meanwhile ({@link Batches}): two status webhooks come back per send. They lock their messages, in id order,
     * before anything else. A report with a reply or a connection change, which lock conversations or the channel,
     * goes alone. A shared transaction that fails is applied again report by report, so a report that cannot be
     * applied fails alone (and its provider sends it again).
     */
    public Uni<Void> accept(Channel channel, List<ProviderEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Received report = new Received(channel, events);
        return events.stream().allMatch(ProviderEvent.StatusUpdate.class::isInstance) ? batches.submit(report)
                : transactions.forTenant(channel.tenantId(), tx -> apply(tx, channel.tenantId(), List.of(report)));
    }

    private Uni<Void> applyBatch(List<Batches.Item<Received, Void>> batch) {
        Map<String, List<Batches.Item<Received, Void>>> byTenant = new LinkedHashMap<>();
        batch.forEach(item -> byTenant.computeIfAbsent(item.value().channel().tenantId(), t -> new ArrayList<>())
                .add(item));
        return Multi.createFrom().iterable(byTenant.values())
                .onItem().transformToUniAndConcatenate(items -> items.size() == 1 ? alone(items.getFirst())
                        : inOneTransaction(items).onFailure().recoverWithUni(failure -> {
                            LOG.debugf("%d reports failed together (%s); applying them one by one", items.size(),
                                    failure.toString());
                            return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(this::alone)
                                    .collect().last().replaceWithVoid();
                        }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> alone(Batches.Item<Received, Void> item) {
        return inOneTransaction(List.of(item)).onFailure().invoke(item::fail).onFailure().recoverWithNull();
    }

    private Uni<Void> inOneTransaction(List<Batches.Item<Received, Void>> items) {
        String tenant = items.getFirst().value().channel().tenantId();
        return transactions.forTenant(tenant, tx -> apply(tx, tenant, items.stream().map(Batches.Item::value).toList()))
                .invoke(() -> items.forEach(item -> item.complete(null)));
    }

    /** Applies the reports in order; statuses in a row go together ({@link StatusUpdates}). */
    private Uni<Void> apply(SqlConnection tx, String tenant, List<Received> reports) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<StatusUpdates.Status> inARow = new ArrayList<>();
        for (Received report : reports) {
            for (ProviderEvent event : report.events()) {
                if (event instanceof ProviderEvent.StatusUpdate status) {
                    inARow.add(new StatusUpdates.Status(report.channel(), status));
                    continue;
                }
                List<StatusUpdates.Status> before = List.copyOf(inARow);
                inARow.clear();
                chain = chain.chain(() -> statuses.apply(tx, tenant, before)).chain(() -> switch (event) {
                    case ProviderEvent.InboundMessage inbound -> reply(tx, report.channel(), inbound);
                    case ProviderEvent.ConnectionChanged connection ->
                            channels.recordConnection(tx, report.channel().id(), connection.state());
                    case ProviderEvent.StatusUpdate status -> throw new IllegalStateException("applied in a row");
                });
            }
        }
        List<StatusUpdates.Status> last = List.copyOf(inARow);
        return chain.chain(() -> statuses.apply(tx, tenant, last));
    }

    private Uni<Void> reply(SqlConnection tx, Channel channel, ProviderEvent.InboundMessage inbound) {
        String tenant = channel.tenantId();
        Uni<Optional<UUID>> answered = inbound.inReplyTo() != null
                ? messages.track(tx, tenant, inbound.provider(), null, inbound.inReplyTo())
                        .chain(original -> original.map(message -> Uni.createFrom().item(
                                        Optional.ofNullable(message.conversationId())))
                                .orElseGet(() -> conversations.lastWrittenTo(tx, tenant, inbound.from())))
                : conversations.lastWrittenTo(tx, tenant, inbound.from());
        UUID id = UUID.randomUUID();
        return answered.chain(conversationId -> messages.receive(tx, id, tenant, conversationId.orElse(null),
                        channel.id(), inbound.kind(), inbound.provider(), inbound.providerMessageId(), inbound.from(),
                        inbound.text(), inbound.at())
                .chain(stored -> {
                    if (!stored) {
                        LOG.debugf("Inbound %s %s seen before: ignored", inbound.provider(),
                                inbound.providerMessageId());
                        return Uni.createFrom().voidItem();
                    }
                    // Its scheduled messages before the conversation: the dispatcher's lock order.
                    Uni<Optional<Conversation>> conversation = conversationId.isPresent()
                            ? messages.lockScheduled(tx, conversationId.get())
                                    .chain(() -> conversations.lock(tx, conversationId.get()))
                            : Uni.createFrom().item(Optional.empty());
                    return conversation.chain(found -> settings.load(tx, tenant).chain(tenantSettings ->
                            tenantSettings.optOutWords().matches(inbound.text())
                                    ? optOut(tx, channel, inbound, found, tenantSettings)
                                    : replied(tx, found))
                            .chain(() -> found.isEmpty() ? Uni.createFrom().voidItem()
                                    : events.replied(tx, tenant, id, found.get().id(), found.get().cnpj(),
                                            inbound.kind(), inbound.from(), inbound.text(), inbound.at())));
                }));
    }

    /** A reply ends outreach to the company: no fallback message goes out after it. */
    private Uni<Void> replied(SqlConnection tx, Optional<Conversation> conversation) {
        if (conversation.isEmpty() || !conversation.get().open()) {
            return Uni.createFrom().voidItem();
        }
        UUID id = conversation.get().id();
        return conversations.update(tx, id, conversation.get().attempt(), Conversation.REPLIED)
                .chain(() -> messages.cancelOutreach(tx, List.of(id), "the company replied"));
    }

    /**
     * The contact asked to stop ({@link OptOuts}), and gets one confirmation back through the channel the request came
     * from. A repeated request changes nothing and sends nothing.
     */
    private Uni<Void> optOut(SqlConnection tx, Channel channel, ProviderEvent.InboundMessage inbound,
                             Optional<Conversation> conversation, TenantSettings tenantSettings) {
        return optOuts.record(tx, channel.tenantId(), inbound.kind(), inbound.from(),
                        conversation.map(Conversation::cnpj).orElse(null), inbound.text())
                .chain(added -> added ? confirm(tx, channel, inbound, conversation, tenantSettings)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> confirm(SqlConnection tx, Channel channel, ProviderEvent.InboundMessage inbound,
                              Optional<Conversation> conversation, TenantSettings tenantSettings) {
        String body = templates.render(MessageTemplates.OPT_OUT_CONFIRMATION, tenantSettings,
                new MessageTemplates.Company(conversation.map(Conversation::companyName).orElse(""),
                        conversation.map(Conversation::cnpj).orElse("")));
        String subject = inbound.kind() == ChannelKind.EMAIL ? "Descadastro confirmado" : null;
        PendingMessage confirmation = PendingMessage.toSend(UUID.randomUUID(), channel.tenantId(),
                conversation.map(Conversation::id).orElse(null), channel.id(), PendingMessage.OPT_OUT_CONFIRMATION,
                inbound.kind(), inbound.from(), subject, body, conversation.map(Conversation::attempt).orElse(0),
                conversation.map(Conversation::cnpj).orElse(null), Conversation.OPTED_OUT);
        return messages.schedule(tx, confirmation, Instant.now());
    }
}
