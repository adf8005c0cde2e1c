package com.dominusleads.messaging.domain;

import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.persistence.SettingsStore;
import com.dominusleads.messaging.persistence.SuppressionStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts and moves outreach: a selected company gets one conversation per tenant and its first message recorded for
 * the dispatcher (never sent from here: the dispatcher applies pacing, caps and quiet hours); a failed or undelivered
 * step falls back to the next channel of the plan; the end of the plan ends the conversation.
 */
@ApplicationScoped
public class Outreach {

    private static final Logger LOG = Logger.getLogger(Outreach.class);

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final ChannelStore channels;
    private final SuppressionStore suppressions;
    private final SettingsStore settings;
    private final MessageTemplates templates;

    public Outreach(ConversationStore conversations, MessageStore messages, ChannelStore channels,
                    SuppressionStore suppressions, SettingsStore settings, MessageTemplates templates) {
        this.conversations = conversations;
        this.messages = messages;
        this.channels = channels;
        this.suppressions = suppressions;
        this.settings = settings;
        this.templates = templates;
    }

    /**
     * Opens the conversation for a selected company and schedules its first message. A company the tenant already
     * has a conversation with is not written to again (a repeated selection, or a redelivered event).
     */
    public Uni<Void> start(SqlClient tx, PreleadSelected selected) {
        return startAll(tx, List.of(selected));
    }

    /**
     * {@link #start} for a batch of selections, reading once per tenant what its companies share: its kinds of
     * channel, its settings, and the suppression list for all their addresses and companies; then writing all its
     * conversations in one statement and all their first messages in another, whatever the batch's size (a selection
     * of thousands arrives in batches of hundreds: bench messaging). A company repeated in the batch counts once.
     */
    public Uni<Void> startAll(SqlClient tx, List<PreleadSelected> batch) {
        Map<String, Map<String, PreleadSelected>> byTenant = new LinkedHashMap<>();
        batch.forEach(selected -> byTenant.computeIfAbsent(selected.getTenantId(), t -> new LinkedHashMap<>())
                .putIfAbsent(selected.getCnpj(), selected));
        return Multi.createFrom().iterable(byTenant.entrySet())
                .onItem().transformToUniAndConcatenate(tenant -> startForTenant(tx, tenant.getKey(),
                        List.copyOf(tenant.getValue().values())))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> startForTenant(SqlClient tx, String tenant, List<PreleadSelected> selections) {
        return channels.liveKinds(tx, tenant).chain(kinds -> settings.load(tx, tenant).chain(tenantSettings -> {
            List<ContactPlan> plans = selections.stream().map(selected -> ContactPlan.of(
                    selected.getPhones().stream().filter(ContactPhone::getMobile).map(ContactPhone::getE164).toList(),
                    selected.getEmails(), kinds)).toList();
            List<String> addresses = plans.stream().flatMap(plan -> plan.addresses().stream()).distinct().toList();
            List<String> cnpjs = selections.stream().map(PreleadSelected::getCnpj).distinct().toList();
            return suppressions.suppressedAmong(tx, List.of(tenant), addresses, cnpjs).chain(suppressed -> {
                Instant now = Instant.now();
                List<Conversation> opened = new ArrayList<>();
                for (int i = 0; i < selections.size(); i++) {
                    PreleadSelected selected = selections.get(i);
                    ContactPlan plan = plans.get(i);
                    boolean isSuppressed = suppressed.contains(tenant + "|" + selected.getCnpj())
                            || plan.addresses().stream().anyMatch(address -> suppressed.contains(tenant + "|" + address));
                    String state = isSuppressed ? Conversation.SUPPRESSED
                            : plan.steps().isEmpty() ? Conversation.NO_CHANNEL : Conversation.CONTACTING;
                    opened.add(new Conversation(UUID.randomUUID(), tenant, selected.getCnpj(),
                            selected.getCompanyName(), selected.getSelectionId(), selected.getQualificationRunId(),
                            plan, 0, state, now, now));
                }
                return conversations.createAll(tx, opened).chain(created -> {
                    if (created.size() < opened.size()) {
                        LOG.debugf("Tenant %s already has conversations with %d of these %d companies: not contacted"
                                + " again", tenant, opened.size() - created.size(), opened.size());
                    }
                    return messages.scheduleAll(tx, opened.stream()
                            .filter(conversation -> created.contains(conversation.id())
                                    && Conversation.CONTACTING.equals(conversation.state()))
                            .map(conversation -> step(conversation, 0, tenantSettings)).toList(),
                            tenantSettings.sendingHours().nextAllowed(now));
                });
            });
        }));
    }

    /**
     * The step {@code failedAttempt} of the conversation failed or was not delivered: tries the next one, or ends the
     * conversation EXHAUSTED. Applied once: a second report of the same step (a late status after the timeout) finds
     * the conversation past it and changes nothing.
     */
    public Uni<Void> fallBack(SqlClient tx, UUID conversationId, int failedAttempt) {
        return conversations.lock(tx, conversationId).chain(found -> {
            if (found.isEmpty() || !found.get().open() || found.get().attempt() != failedAttempt) {
                return Uni.createFrom().voidItem();
            }
            Conversation conversation = found.get();
            int next = failedAttempt + 1;
            if (next >= conversation.plan().steps().size()) {
                return conversations.update(tx, conversationId, failedAttempt, Conversation.EXHAUSTED);
            }
            return conversations.update(tx, conversationId, next, Conversation.CONTACTING)
                    .chain(() -> scheduleStep(tx, conversation, next));
        });
    }

    private Uni<Void> scheduleStep(SqlClient tx, Conversation conversation, int attempt) {
        return settings.load(tx, conversation.tenantId()).chain(tenant -> schedule(tx, conversation, attempt, tenant));
    }

    /** Renders the step's message with the tenant's templates and records it, due at the next sending hour. */
    private Uni<Void> schedule(SqlClient tx, Conversation conversation, int attempt, TenantSettings tenant) {
        return messages.schedule(tx, step(conversation, attempt, tenant),
                tenant.sendingHours().nextAllowed(Instant.now()));
    }

    /** The message of step {@code attempt} of the conversation, rendered with the tenant's templates. */
    private PendingMessage step(Conversation conversation, int attempt, TenantSettings tenant) {
        ContactPlan.Step step = conversation.plan().steps().get(attempt);
        MessageTemplates.Company company = new MessageTemplates.Company(conversation.companyName(),
                conversation.cnpj());
        String subject = step.kind() == ChannelKind.EMAIL
                ? templates.render(MessageTemplates.EMAIL_SUBJECT, tenant, company) : null;
        String body = templates.render(switch (step.kind()) {
            case WHATSAPP -> MessageTemplates.WHATSAPP;
            case SMS -> MessageTemplates.SMS;
            case EMAIL -> MessageTemplates.EMAIL_BODY;
        }, tenant, company);
        return PendingMessage.toSend(UUID.randomUUID(), conversation.tenantId(), conversation.id(), null,
                PendingMessage.OUTREACH, step.kind(), step.address(), subject, body, attempt, conversation.cnpj(),
                Conversation.CONTACTING);
    }
}
