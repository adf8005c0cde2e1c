package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.Conversation;
import com.dominusleads.messaging.domain.MessageView;
import com.dominusleads.messaging.persistence.ConversationStore;
import com.dominusleads.messaging.persistence.MessageStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's conversations with companies, newest first, and each one's messages both ways. */
@Path("/api/messaging/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class ConversationsResource {

    /** A page and the cursor of the next one ({@code null} at the end). */
    public record Page(List<Conversation> items, String next) {
    }

    /** A conversation with its messages. */
    public record Detail(Conversation conversation, List<MessageView> messages) {
    }

    /** Where the next page starts (newest first): after the conversation created at {@code createdAt}, {@code id}. */
    private record Cursor(Instant createdAt, UUID id) {

        static Cursor parse(String after) {
            int split = after.indexOf('_');
            try {
                return new Cursor(Instant.parse(after.substring(0, split)),
                        UUID.fromString(after.substring(split + 1)));
            } catch (RuntimeException malformed) {
                throw ApiException.badRequest("invalid_cursor", "after must be the next cursor of a previous page");
            }
        }

        @Override
        public String toString() {
            return createdAt + "_" + id;
        }
    }

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final TenantTransactions transactions;
    private final Caller caller;

    public ConversationsResource(ConversationStore conversations, MessageStore messages,
                                 TenantTransactions transactions, Caller caller) {
        this.conversations = conversations;
        this.messages = messages;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    public Uni<Page> list(@QueryParam("state") @Pattern(regexp = "[A-Z_]{1,20}") String state,
                          @QueryParam("cnpj") @Pattern(regexp = "[0-9A-Z]{14}") String cnpj,
                          @QueryParam("selectionId") String selectionId,
                          @QueryParam("after") String after,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String tenant = caller.tenantId();
        Cursor cursor = after == null ? null : Cursor.parse(after);
        return transactions.forTenant(tenant, tx -> conversations.list(tx, tenant, state, cnpj, selectionId,
                        cursor == null ? null : cursor.createdAt(), cursor == null ? null : cursor.id(), limit + 1))
                .map(found -> {
                    if (found.size() <= limit) {
                        return new Page(found, null);
                    }
                    Conversation last = found.get(limit - 1);
                    return new Page(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).toString());
                });
    }

    @GET
    @Path("/{id}")
    public Uni<Detail> get(@PathParam("id") UUID id) {
        String tenant = caller.tenantId();
        return transactions.forTenant(tenant, tx -> conversations.find(tx, tenant, id).chain(found -> {
            if (found.isEmpty()) {
                throw ApiException.notFound("conversation_not_found", "no conversation " + id);
            }
            return messages.ofConversation(tx, tenant, id).map(list -> new Detail(found.get(), list));
        }));
    }
}
