package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.messaging.MessagingEvents;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.messaging.persistence.SuppressionStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A contact asked to stop, in a reply or at the provider (Twilio's STOP, Meta's "stop marketing messages"): the
 * address is on the tenant's list at once, every open conversation that would write to it or to the company ends
 * with its scheduled messages cancelled, and contact.opted-out is published, all in the caller's transaction. A
 * repeated request changes nothing and says so.
 */
@ApplicationScoped
public class OptOuts {

    private static final Logger LOG = Logger.getLogger(OptOuts.class);

    private final SuppressionStore suppressions;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final MessagingEvents events;

    public OptOuts(SuppressionStore suppressions, ConversationStore conversations, MessageStore messages,
                   MessagingEvents events) {
        this.suppressions = suppressions;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
    }

    /** True when the opt-out is new (the caller may confirm it to the contact). */
    public Uni<Boolean> record(SqlClient tx, String tenantId, ChannelKind kind, String address, String cnpj,
                               String reason) {
        Suppression suppression = new Suppression(tenantId, address, cnpj, Suppression.OPT_OUT, kind.name(), reason,
                Instant.now());
        return suppressions.add(tx, suppression).chain(added -> {
            if (!added) {
                return Uni.createFrom().item(false);
            }
            LOG.infof("Tenant %s: a contact opted out through %s", tenantId, kind);
            // Messages before conversations: the dispatcher's lock order (see MessageStore#lockScheduled).
            return conversations.openFor(tx, tenantId, address, cnpj)
                    .chain(open -> messages.cancelOutreach(tx, open, "opted out")
                            .chain(() -> Multi.createFrom().iterable(open)
                                    .onItem().transformToUniAndConcatenate(id ->
                                            conversations.updateIfOpen(tx, id, Conversation.OPTED_OUT))
                                    .collect().last()))
                    .chain(() -> events.optedOut(tx, tenantId, kind, address, cnpj))
                    .replaceWith(true);
        });
    }
}
