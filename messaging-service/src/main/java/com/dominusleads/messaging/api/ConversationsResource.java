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
                          @QueryParam("after") @Pattern(regexp = "[0-9T:.Z-]{20,40}_[0-9a-f-]{36}") String after,
                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String tenant = caller.tenantId();
        Instant before = after == null ? null : Instant.parse(after.substring(0, after.indexOf('_')));
        UUID beforeId = after == null ? null : UUID.fromString(after.substring(after.indexOf('_') + 1));
        return transactions.forTenant(tenant, tx -> conversations.list(tx, tenant, state, cnpj, selectionId, before,
                        beforeId, limit + 1))
                .map(found -> {
                    if (found.size() <= limit) {
                        return new Page(found, null);
                    }
                    Conversation last = found.get(limit - 1);
                    return new Page(found.subList(0, limit), last.createdAt() + "_" + last.id());
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
