package com.dominusleads.messaging.messaging;

import com.dominusleads.events.message.ContactOptedOut;
import com.dominusleads.events.message.MessageReplied;
import com.dominusleads.events.message.MessageSent;
import com.dominusleads.events.message.MessageStatusChanged;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.persistence.MessageStore.Tracked;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events messaging-service publishes, each written to the outbox in the transaction of its change. */
@ApplicationScoped
public class MessagingEvents {

    private final OutboxWriter outbox;

    public MessagingEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** message.sent for each of {@code messages}, in one round trip. */
    public Uni<Void> sent(SqlClient tx, List<Tracked> messages) {
        return outbox.appendAll(tx, messages.stream().map(message -> MessageSent.newBuilder()
                .setTenantId(message.tenantId())
                .setMessageId(message.id().toString())
                .setConversationId(conversationId(message))
                .setCnpj(message.cnpj() == null ? "" : message.cnpj())
                .setChannel(message.kind().name())
                .setProvider(message.provider())
                .setRecipient(message.address())
                .setProviderMessageId(message.providerMessageId())
                .setOccurredAt(Instant.now())
                .build()).toList()).replaceWithVoid();
    }

    /** message.status-changed for each of {@code messages}, to the status it was moved to, in one round trip. */
    public Uni<Void> statusChanged(SqlClient tx, List<Tracked> messages) {
        return outbox.appendAll(tx, messages.stream().map(message -> statusChange(message, message.status(), null))
                .toList()).replaceWithVoid();
    }

    public Uni<Void> statusChanged(SqlClient tx, Tracked message, String status, String errorCode) {
        return outbox.append(tx, statusChange(message, status, errorCode)).replaceWithVoid();
    }

    private static MessageStatusChanged statusChange(Tracked message, String status, String errorCode) {
        return MessageStatusChanged.newBuilder()
                .setTenantId(message.tenantId())
                .setMessageId(message.id().toString())
                .setConversationId(conversationId(message))
                .setStatus(status)
                .setErrorCode(errorCode)
                .setOccurredAt(Instant.now())
                .build();
    }

    public Uni<Void> replied(SqlClient tx, String tenantId, UUID messageId, UUID conversationId, String cnpj,
                             ChannelKind kind, String sender, String text, Instant at) {
        return outbox.append(tx, MessageReplied.newBuilder()
                .setTenantId(tenantId)
                .setMessageId(messageId.toString())
                .setConversationId(conversationId.toString())
                .setCnpj(cnpj)
                .setChannel(kind.name())
                .setSender(sender)
                .setText(text)
                .setOccurredAt(at)
                .build()).replaceWithVoid();
    }

    public Uni<Void> optedOut(SqlClient tx, String tenantId, ChannelKind kind, String address, String cnpj) {
        return outbox.append(tx, ContactOptedOut.newBuilder()
                .setTenantId(tenantId)
                .setChannel(kind.name())
                .setAddress(address)
                .setCnpj(cnpj)
                .setOccurredAt(Instant.now())
                .build()).replaceWithVoid();
    }

    /** A reply to a stranger (an opt-out confirmation) belongs to no conversation: an empty id, as the schema wants one. */
    private static String conversationId(Tracked message) {
        return message.conversationId() == null ? "" : message.conversationId().toString();
    }
}
