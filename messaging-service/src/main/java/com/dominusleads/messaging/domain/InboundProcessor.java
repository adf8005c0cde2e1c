package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.persistence.MessageStore.Tracked;
import com.dominusleads.messaging.persistence.SettingsStore;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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

    private final TenantTransactions transactions;
    private final MessageStore messages;
    private final ConversationStore conversations;
    private final ChannelStore channels;
    private final OptOuts optOuts;
    private final SettingsStore settings;
    private final MessageTemplates templates;
    private final SendResults results;
    private final Outreach outreach;
    private final MessagingEvents events;

    public InboundProcessor(TenantTransactions transactions, MessageStore messages, ConversationStore conversations,
                            ChannelStore channels, OptOuts optOuts, SettingsStore settings,
                            MessageTemplates templates, SendResults results, Outreach outreach,
                            MessagingEvents events) {
        this.transactions = transactions;
        this.messages = messages;
        this.conversations = conversations;
        this.channels = channels;
        this.optOuts = optOuts;
        this.settings = settings;
        this.templates = templates;
        this.results = results;
        this.outreach = outreach;
        this.events = events;
    }

    /** Applies {@code events}, received through {@code channel}, in one transaction; idempotent. */
    public Uni<Void> accept(Channel channel, List<ProviderEvent> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transactions.forTenant(channel.tenantId(), tx -> Multi.createFrom().iterable(received)
                .onItem().transformToUniAndConcatenate(event -> switch (event) {
                    case ProviderEvent.InboundMessage inbound -> reply(tx, channel, inbound);
                    case ProviderEvent.StatusUpdate status -> status(tx, channel, status);
                    case ProviderEvent.ConnectionChanged connection ->
                            channels.recordConnection(tx, channel.id(), connection.state());
                })
                .collect().last().replaceWithVoid());
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

    private Uni<Void> status(SqlConnection tx, Channel channel, ProviderEvent.StatusUpdate update) {
        return messages.track(tx, channel.tenantId(), update.provider(), update.providerMessageId(), update.messageId())
                .chain(found -> {
                    if (found.isEmpty()) {
                        LOG.debugf("Status %s for unknown %s message %s: ignored", update.status(), update.provider(),
                                update.providerMessageId());
                        return Uni.createFrom().voidItem();
                    }
                    Tracked message = found.get();
                    if ("SENDING".equals(message.status()) && update.status() != DeliveryStatus.FAILED) {
                        // The provider has it although its answer was never recorded (a crash, or the status won the
                        // race): counts as sent, once, with the provider's id.
                        return results.sent(tx, pending(message), channel, update.providerMessageId())
                                .chain(() -> update.status() == DeliveryStatus.SENT ? Uni.createFrom().voidItem()
                                        : move(tx, message, update));
                    }
                    return move(tx, message, update);
                });
    }

    private Uni<Void> move(SqlConnection tx, Tracked message, ProviderEvent.StatusUpdate update) {
        List<String> from = switch (update.status()) {
            case SENT -> List.of("SENDING");
            case DELIVERED -> List.of("SENDING", "SENT");
            case READ -> List.of("SENDING", "SENT", "DELIVERED");
            case FAILED -> List.of("SENDING", "SENT");
        };
        if (update.status() == DeliveryStatus.FAILED) {
            return results.failed(tx, pending(message), update.errorCode(), update.errorTitle());
        }
        return messages.move(tx, message.id(), from, update.status().name(), null, null, null)
                .chain(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                        : events.statusChanged(tx, moved.get(), update.status().name(), null));
    }

    private static PendingMessage pending(Tracked message) {
        return PendingMessage.toSend(message.id(), message.tenantId(), message.conversationId(), null,
                message.purpose(), message.kind(), message.address(), null, "", message.attempt(), message.cnpj(), null);
    }
}
