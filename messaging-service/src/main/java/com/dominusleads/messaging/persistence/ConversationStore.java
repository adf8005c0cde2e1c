package com.dominusleads.messaging.persistence;

import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.ContactPlan;
import com.dominusleads.messaging.domain.Conversation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Conversations: one per tenant and company, with the plan of channels and the step being tried. */
@ApplicationScoped
public class ConversationStore {

    static final String COLUMNS = "id, tenant_id, cnpj, company_name, selection_id, qualification_run_id, plan,"
            + " attempt, state, created_at, updated_at";

    /**
     * Creates these conversations, in one statement, except those whose tenant has one with the company already; the
     * result is the ids of those created. Each (tenant, company) at most once in {@code conversations}.
     */
    public Uni<Set<UUID>> createAll(SqlClient tx, List<Conversation> conversations) {
        return conversations.isEmpty() ? Uni.createFrom().item(Set.of())
                : tx.preparedQuery("insert into conversation (" + COLUMNS + ") select id, tenant_id, cnpj,"
                        + " company_name, selection_id, qualification_run_id, plan::jsonb, attempt, state, now(), now()"
                        + " from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::int[], $9::text[]) as c (id, tenant_id, cnpj, company_name, selection_id,"
                        + " qualification_run_id, plan, attempt, state)"
                        + " on conflict (tenant_id, cnpj) do nothing returning id")
                .execute(Tuple.from(List.of(
                        MessageStore.column(conversations, Conversation::id, UUID[]::new),
                        MessageStore.column(conversations, Conversation::tenantId, String[]::new),
                        MessageStore.column(conversations, Conversation::cnpj, String[]::new),
                        MessageStore.column(conversations, Conversation::companyName, String[]::new),
                        MessageStore.column(conversations, Conversation::selectionId, String[]::new),
                        MessageStore.column(conversations, Conversation::qualificationRunId, String[]::new),
                        MessageStore.column(conversations, c -> toJson(c.plan()).encode(), String[]::new),
                        MessageStore.column(conversations, Conversation::attempt, Integer[]::new),
                        MessageStore.column(conversations, Conversation::state, String[]::new))))
                .map(rows -> {
                    Set<UUID> created = new HashSet<>();
                    rows.forEach(row -> created.add(row.getUUID(0)));
                    return created;
                });
    }

    /** The conversation, locked until the transaction ends (its step and state change under this lock only). */
    public Uni<Optional<Conversation>> lock(SqlClient tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from conversation where id = $1 for update")
                .execute(Tuple.of(id))
                .map(rows -> ChannelStore.first(rows).map(ConversationStore::toConversation));
    }

    public Uni<Void> update(SqlClient tx, UUID id, int attempt, String state) {
        return tx.preparedQuery("update conversation set attempt = $2, state = $3, updated_at = now() where id = $1")
                .execute(Tuple.of(id, attempt, state)).replaceWithVoid();
    }

    /** Moves an open conversation to {@code state}; a closed one (replied, opted out, …) keeps its state. */
    public Uni<Void> updateIfOpen(SqlClient tx, UUID id, String state) {
        return updateIfOpen(tx, List.of(id), state);
    }

    /** {@link #updateIfOpen(SqlClient, UUID, String)} for many conversations in one statement. */
    public Uni<Void> updateIfOpen(SqlClient tx, List<UUID> ids, String state) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update conversation set state = $2, updated_at = now() where id = any($1)"
                        + " and state in ('CONTACTING', 'AWAITING_REPLY')")
                .execute(Tuple.of(ids.toArray(UUID[]::new), state)).replaceWithVoid();
    }

    /**
     * The conversation a message from {@code address} answers: the tenant's latest one that wrote to it (the reply
     * came to one of the tenant's senders, so only that tenant's conversations qualify).
     */
    public Uni<Optional<UUID>> lastWrittenTo(SqlClient tx, String tenantId, String address) {
        return tx.preparedQuery("select conversation_id from message where tenant_id = $1 and address = $2"
                        + " and direction = 'OUT' and conversation_id is not null order by created_at desc limit 1")
                .execute(Tuple.of(tenantId, address))
                .map(rows -> ChannelStore.first(rows).map(row -> row.getUUID(0)));
    }

    /** Conversations of {@code tenantId} that would still write to {@code address} or the company {@code cnpj}. */
    public Uni<List<UUID>> openFor(SqlClient tx, String tenantId, String address, String cnpj) {
        return tx.preparedQuery("select id from conversation where tenant_id = $1 and state in ('CONTACTING',"
                        + " 'AWAITING_REPLY') and (cnpj = $3 or exists (select 1 from jsonb_array_elements(plan) step"
                        + " where step ->> 'address' = $2)) order by id")
                .execute(Tuple.of(tenantId, address, cnpj))
                .map(rows -> ChannelStore.map(rows, row -> row.getUUID(0)));
    }

    public Uni<Optional<Conversation>> find(SqlClient tx, String tenantId, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from conversation where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id))
                .map(rows -> ChannelStore.first(rows).map(ConversationStore::toConversation));
    }

    /**
     * A page of the tenant's conversations, newest first, optionally of one state, company or selection. Only the
     * filters given are in the statement: the service runs generic plans (application.properties), and a generic plan
     * of "($n is null or cnpj = $n)" could not use the company's index.
     */
    public Uni<List<Conversation>> list(SqlClient tx, String tenantId, String state, String cnpj, String selectionId,
                                        Instant before, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversation where tenant_id = $1");
        List<Object> values = new ArrayList<>(List.of(tenantId));
        filter(sql, values, "state = ", state);
        filter(sql, values, "cnpj = ", cnpj);
        filter(sql, values, "selection_id = ", selectionId);
        if (before != null) {
            values.add(before.atOffset(ZoneOffset.UTC));
            values.add(beforeId);
            sql.append(" and (created_at, id) < ($").append(values.size() - 1).append(", $").append(values.size())
                    .append(")");
        }
        values.add(limit);
        sql.append(" order by created_at desc, id desc limit $").append(values.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(values))
                .map(rows -> ChannelStore.map(rows, ConversationStore::toConversation));
    }

    private static void filter(StringBuilder sql, List<Object> values, String condition, String value) {
        if (value != null) {
            values.add(value);
            sql.append(" and ").append(condition).append('$').append(values.size());
        }
    }

    static JsonArray toJson(ContactPlan plan) {
        JsonArray steps = new JsonArray();
        plan.steps().forEach(step -> steps.add(new JsonObject().put("kind", step.kind().name())
                .put("address", step.address())));
        return steps;
    }

    static Conversation toConversation(Row row) {
        List<ContactPlan.Step> steps = new ArrayList<>();
        for (Object item : (JsonArray) row.getValue("plan")) {
            JsonObject step = (JsonObject) item;
            steps.add(new ContactPlan.Step(ChannelKind.valueOf(step.getString("kind")), step.getString("address")));
        }
        return new Conversation(row.getUUID("id"), row.getString("tenant_id"), row.getString("cnpj"),
                row.getString("company_name"), row.getString("selection_id"), row.getString("qualification_run_id"),
                new ContactPlan(steps), row.getInteger("attempt"), row.getString("state"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
