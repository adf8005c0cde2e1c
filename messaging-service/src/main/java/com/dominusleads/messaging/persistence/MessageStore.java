package com.dominusleads.messaging.persistence;

import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.MessageView;
import com.dominusleads.messaging.domain.PendingMessage;
import com.dominusleads.messaging.domain.Provider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Messages both ways. An outgoing one moves SCHEDULED → SENDING (recorded and claimed, before the provider call) →
 * SENT → DELIVERED → READ, or ends FAILED / UNDELIVERED / CANCELLED; every move is guarded by the state it leaves, so
 * two instances (or a webhook and the dispatcher) never both apply one.
 */
@ApplicationScoped
public class MessageStore {

    /** A message's state as a status update or a send result needs it. */
    public record Tracked(UUID id, String tenantId, UUID conversationId, String cnpj, String purpose, ChannelKind kind,
                          String provider, String address, String status, int attempt, String providerMessageId) {
    }

    private static final String PENDING = "m.id, m.tenant_id, m.conversation_id, m.channel_id, m.purpose, m.kind,"
            + " m.address, m.subject, m.body, m.attempt, m.send_tries, m.failures, m.first_try_at,"
            + " case when m.status = 'SENDING' then m.not_before end as tried_at, c.cnpj, c.state";
    private static final String TRACKED = "m.id, m.tenant_id, m.conversation_id, c.cnpj, m.purpose, m.kind,"
            + " m.provider, m.address, m.status, m.attempt, m.provider_message_id";
    /** {@link #TRACKED} as an update returns it: the company from its conversation, no join of the message again. */
    private static final String TRACKED_UPDATED = TRACKED.replace("c.cnpj",
            "(select c.cnpj from conversation c where c.id = m.conversation_id) as cnpj");
    /**
     * The conversation of message {@code m}, looked up by its key for each message ({@code limit 1} keeps it a
     * lateral look-up): joined as a table, the planner hashed every conversation to find those of a few hundred
     * messages.
     */
    private static final String ITS_CONVERSATION =
            " left join lateral (select cnpj, state from conversation where id = m.conversation_id limit 1) c on true";
    private static final String VIEW = "id, conversation_id, direction, purpose, kind, provider, channel_id, address,"
            + " subject, body, status, attempt, provider_message_id, error_code, error, created_at, not_before,"
            + " sent_at, delivered_at";

    /** Records an outgoing message to be sent at {@code notBefore} (through {@code channelId}, or any of its kind). */
    public Uni<Void> schedule(SqlClient tx, PendingMessage message, Instant notBefore) {
        return scheduleAll(tx, List.of(message), notBefore);
    }

    /** {@link #schedule} for many messages in one statement (a selection's first messages). */
    public Uni<Void> scheduleAll(SqlClient tx, List<PendingMessage> messages, Instant notBefore) {
        return messages.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("insert into message (id, tenant_id, conversation_id, channel_id, direction, purpose,"
                        + " kind, address, subject, body, status, attempt, not_before)"
                        + " select id, tenant_id, conversation_id, channel_id, 'OUT', purpose, kind, address, subject,"
                        + " body, 'SCHEDULED', attempt, $11 from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[],"
                        + " $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])"
                        + " as m (id, tenant_id, conversation_id, channel_id, purpose, kind, address, subject, body,"
                        + " attempt)")
                .execute(Tuple.from(Arrays.asList(
                        column(messages, PendingMessage::id, UUID[]::new),
                        column(messages, PendingMessage::tenantId, String[]::new),
                        column(messages, PendingMessage::conversationId, UUID[]::new),
                        column(messages, PendingMessage::channelId, UUID[]::new),
                        column(messages, PendingMessage::purpose, String[]::new),
                        column(messages, message -> message.kind().name(), String[]::new),
                        column(messages, PendingMessage::address, String[]::new),
                        column(messages, PendingMessage::subject, String[]::new),
                        column(messages, PendingMessage::body, String[]::new),
                        column(messages, PendingMessage::attempt, Integer[]::new),
                        utc(notBefore))))
                .replaceWithVoid();
    }

    /**
     * Up to {@code limit} messages due by {@code horizon}, oldest first, locked (others skip them) until the
     * transaction ends. Their conversations are joined to the messages claimed only: on a burst's stale statistics
     * the planner joined every due message before keeping the first (bench messaging: 20,000 at a time).
     */
    public Uni<List<PendingMessage>> lockDue(SqlClient tx, Instant horizon, int limit) {
        return tx.preparedQuery("select " + PENDING + " from (select * from message where status = 'SCHEDULED'"
                        + " and not_before <= $1 order by not_before limit $2 for update skip locked) m"
                        + ITS_CONVERSATION + " order by m.not_before")
                .execute(Tuple.of(utc(horizon), limit))
                .map(rows -> ChannelStore.map(rows, MessageStore::toPending));
    }

    /**
     * Locks the scheduled outreach of a conversation, before the conversation itself: the order the dispatcher takes
     * them in (message, then conversation when it falls back), so a reply and a dispatch round never deadlock.
     */
    public Uni<Void> lockScheduled(SqlClient tx, UUID conversationId) {
        return tx.preparedQuery("select id from message where conversation_id = $1 and status = 'SCHEDULED'"
                        + " order by id for update")
                .execute(Tuple.of(conversationId)).replaceWithVoid();
    }

    /**
     * Records that each message is being tried ({@link PendingMessage#tried}) through its channel at its slot, with
     * a lease: the idempotency record, committed before any provider call. One statement for the whole round. The
     * messages are this transaction's claim ({@link #lockDue}): still SCHEDULED under its locks, so they are found by
     * id alone (a status condition let the planner read every scheduled message, on a burst's stale statistics).
     */
    public Uni<Void> markSending(SqlClient tx, List<PendingMessage> tries, Function<UUID, Provider> providerOfChannel,
                                 Duration lease) {
        return tries.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update message m set status = 'SENDING', channel_id = t.channel_id,"
                        + " provider = t.provider, not_before = t.at, first_try_at = coalesce(m.first_try_at, t.at),"
                        + " claimed_until = t.at + $5 * interval '1 millisecond', send_tries = t.tries,"
                        + " updated_at = now() from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[],"
                        + " $6::int[]) as t (id, channel_id, provider, at, tries) where m.id = t.id")
                .execute(Tuple.from(Arrays.asList(
                        column(tries, PendingMessage::id, UUID[]::new),
                        column(tries, PendingMessage::channelId, UUID[]::new),
                        column(tries, message -> providerOfChannel.apply(message.channelId()).name(), String[]::new),
                        column(tries, message -> utc(message.triedAt()), OffsetDateTime[]::new),
                        lease.toMillis(),
                        column(tries, PendingMessage::sendTries, Integer[]::new))))
                .replaceWithVoid();
    }

    /** Puts a scheduled message back to wait until {@code notBefore} (quiet hours, pacing, a suspended tenant). */
    public Uni<Void> postpone(SqlClient tx, UUID id, Instant notBefore, String reason) {
        return tx.preparedQuery("update message set not_before = $2, error = coalesce($3, error), updated_at = now()"
                        + " where id = $1 and status = 'SCHEDULED'")
                .execute(Tuple.of(id, utc(notBefore), reason)).replaceWithVoid();
    }

    /**
     * Schedules try {@code message.sendTries()} again at {@code notBefore}, if the message is still at that try (a
     * late answer never moves a later one); {@code failed} counts it against the message's failures,
     * {@code releaseChannel} lets the next try pick another of the tenant's channels.
     */
    public Uni<Void> retry(SqlClient tx, PendingMessage message, Instant notBefore, boolean releaseChannel,
                           boolean failed, String error) {
        return tx.preparedQuery("update message set status = 'SCHEDULED', not_before = $3, claimed_until = null,"
                        + " channel_id = case when $4 then null else channel_id end,"
                        + " failures = failures + case when $5 then 1 else 0 end, error = coalesce($6, error),"
                        + " updated_at = now() where id = $1 and status = 'SENDING' and send_tries = $2")
                .execute(Tuple.from(Arrays.asList(message.id(), message.sendTries(), utc(notBefore), releaseChannel,
                        failed, error)))
                .replaceWithVoid();
    }

    /** Leaves try {@code message.sendTries()} in doubt until {@code until}, when the provider is asked about it. */
    public Uni<Void> holdInDoubt(SqlClient tx, PendingMessage message, Instant until, String error) {
        return tx.preparedQuery("update message set claimed_until = $3, error = $4, updated_at = now()"
                        + " where id = $1 and status = 'SENDING' and send_tries = $2")
                .execute(Tuple.of(message.id(), message.sendTries(), utc(until), error)).replaceWithVoid();
    }

    /**
     * Of these messages claimed for sending, cancels those that must not go out any more (their conversation ended,
     * or the contact is suppressed since they were claimed); the others, still to send, are returned. The messages
     * are looked up by id ({@code offset 0} fences the look-up): on a burst's stale statistics the planner read every
     * message being sent for each check instead (bench messaging).
     */
    public Uni<Set<UUID>> stillToSend(SqlClient tx, List<PendingMessage> claimed) {
        return tx.preparedQuery("with claimed (id, tries) as (select * from unnest($1::uuid[], $2::int[])),"
                        + " current as (select m.id, m.send_tries, m.purpose = 'OUTREACH'"
                        + " and (c.state not in ('CONTACTING', 'AWAITING_REPLY')"
                        + " or exists (select 1 from suppression s where s.tenant_id in (m.tenant_id, '*')"
                        + " and (s.address = m.address or (s.tenant_id = m.tenant_id and s.cnpj = c.cnpj)))) as stop"
                        + " from claimed k cross join lateral (select * from message m where m.id = k.id offset 0) m"
                        + ITS_CONVERSATION
                        + " where m.status = 'SENDING' and m.send_tries = k.tries),"
                        + " stopped as (update message m set status = 'CANCELLED', claimed_until = null,"
                        + " error = 'stopped before sending: the contact opted out or the company replied',"
                        + " updated_at = now() from current k where k.stop and m.id = k.id and m.status = 'SENDING'"
                        + " and m.send_tries = k.send_tries)"
                        + " select id from current where not coalesce(stop, false)")
                .execute(Tuple.of(column(claimed, PendingMessage::id, UUID[]::new),
                        column(claimed, PendingMessage::sendTries, Integer[]::new)))
                .map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }

    /** Ends scheduled messages that must not go out (an opt-out, a reply, the list); their reason recorded. */
    public Uni<Void> cancel(SqlClient tx, List<UUID> ids, String reason) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update message set status = 'CANCELLED', error = $2, updated_at = now()"
                        + " where id = any($1) and status = 'SCHEDULED'")
                .execute(Tuple.of(ids.toArray(UUID[]::new), reason)).replaceWithVoid();
    }

    /** Cancels every scheduled outreach message of these conversations. */
    public Uni<Void> cancelOutreach(SqlClient tx, List<UUID> conversationIds, String reason) {
        return conversationIds.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update message set status = 'CANCELLED', error = $2, updated_at = now()"
                        + " where conversation_id = any($1) and status = 'SCHEDULED' and purpose = 'OUTREACH'")
                .execute(Tuple.of(conversationIds.toArray(UUID[]::new), reason)).replaceWithVoid();
    }

    /**
     * Locks these messages, in id order, until the transaction ends. A transaction that changes several messages
     * (a batch of send answers, or of statuses) takes them all first, in the one order every such transaction
     * follows: answers and status webhooks marking the same sends sent at once deadlocked otherwise.
     */
    public Uni<Void> lock(SqlClient tx, List<UUID> ids) {
        return ids.size() < 2 ? Uni.createFrom().voidItem()
                : tx.preparedQuery("select id from message where id = any($1) order by id for no key update")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /**
     * The provider took these messages: SENT, each with its provider id (whichever try it was: the provider has it),
     * from SENDING, or from SCHEDULED when a later try was scheduled because reconciliation did not find this one (the
     * answer or status came late: the next try, stopped at its gate, never goes). The result holds those moved; the
     * others were applied before (a status webhook got there first).
     */
    public Uni<List<Tracked>> markSent(SqlClient tx, List<UUID> ids, List<String> providerMessageIds) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : tx.preparedQuery("update message m set status = 'SENT', provider_message_id = k.provider_id,"
                        + " sent_at = now(), claimed_until = null, error = null, updated_at = now()"
                        + " from unnest($1::uuid[], $2::text[]) as k (id, provider_id)"
                        + " where m.id = k.id and m.status in ('SENDING', 'SCHEDULED') returning " + TRACKED_UPDATED)
                .execute(Tuple.of(ids.toArray(UUID[]::new), providerMessageIds.toArray(String[]::new)))
                .map(rows -> ChannelStore.map(rows, MessageStore::toTracked));
    }

    /** A status move: from one of {@code from} to {@code status}; {@code tryFence}, when set, only at that try. */
    public record Move(UUID id, List<String> from, String status, String errorCode, String error, Integer tryFence) {
    }

    /**
     * Moves the message from one of {@code from} to {@code status} (a provider-reported status, a failed send);
     * {@code tryFence}, when given, only while the message is at that try. Empty when the message was elsewhere (a
     * late, repeated or out-of-order report changes nothing).
     */
    public Uni<Optional<Tracked>> move(SqlClient tx, UUID id, List<String> from, String status, String errorCode,
                                       String error, Integer tryFence) {
        return moveAll(tx, List.of(new Move(id, from, status, errorCode, error, tryFence)))
                .map(moved -> moved.stream().findFirst());
    }

    /** {@link #move} for many messages, each at most once, in one statement; the result holds those moved. */
    public Uni<List<Tracked>> moveAll(SqlClient tx, List<Move> moves) {
        return moves.isEmpty() ? Uni.createFrom().item(List.of())
                : tx.preparedQuery("update message m set status = k.status,"
                        + " error_code = coalesce(k.error_code, m.error_code), error = coalesce(k.error, m.error),"
                        + " claimed_until = null,"
                        + " sent_at = case when m.sent_at is null and k.status in ('SENT', 'DELIVERED', 'READ') then now()"
                        + " else m.sent_at end,"
                        + " delivered_at = case when k.status in ('DELIVERED', 'READ') then coalesce(m.delivered_at, now())"
                        + " else m.delivered_at end, updated_at = now()"
                        + " from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])"
                        + " as k (id, from_statuses, status, error_code, error, try_fence)"
                        + " where m.id = k.id and m.status = any(string_to_array(k.from_statuses, ','))"
                        + " and (k.try_fence is null or m.send_tries = k.try_fence) returning " + TRACKED_UPDATED)
                .execute(Tuple.from(Arrays.asList(
                        column(moves, Move::id, UUID[]::new),
                        column(moves, move -> String.join(",", move.from()), String[]::new),
                        column(moves, Move::status, String[]::new),
                        column(moves, Move::errorCode, String[]::new),
                        column(moves, Move::error, String[]::new),
                        column(moves, Move::tryFence, Integer[]::new))))
                .map(rows -> ChannelStore.map(rows, MessageStore::toTracked));
    }

    /** The outgoing message a provider id or our own id names, among {@code tenantId}'s. */
    public Uni<Optional<Tracked>> track(SqlClient tx, String tenantId, Provider provider, String providerMessageId,
                                        UUID messageId) {
        return trackAll(tx, tenantId, List.of(new Reference(provider, providerMessageId, messageId)))
                .map(List::getFirst);
    }

    /** How a provider names one of our outgoing messages: by its id, and by ours when it echoes it. */
    public record Reference(Provider provider, String providerMessageId, UUID messageId) {
    }

    /**
     * {@link #track} for many references in one statement: the result has one entry per reference, in order. Two
     * lookups, each on its own index (the provider's id, unique per tenant; ours): with their OR, or with the tenant
     * and direction beside our id, the planner, on a fresh tenant's statistics, scanned the tenant's whole index of
     * outgoing messages for each (bench messaging). Both are fenced ({@code offset 0}) so that the tenant and
     * direction checks, applied after, cannot steer them to that index.
     */
    public Uni<List<Optional<Tracked>>> trackAll(SqlClient tx, String tenantId, List<Reference> references) {
        return tx.preparedQuery("select k.ord, t.* from unnest($2::text[], $3::text[], $4::uuid[]) with ordinality"
                        + " as k (provider, provider_message_id, id, ord) cross join lateral ("
                        + "(select * from (select " + TRACKED + ", m.direction from message m"
                        + " left join conversation c on c.id = m.conversation_id where m.tenant_id = $1"
                        + " and m.provider = k.provider and m.provider_message_id = k.provider_message_id offset 0)"
                        + " by_provider where direction = 'OUT')"
                        + " union all (select * from (select " + TRACKED + ", m.direction from message m"
                        + " left join conversation c on c.id = m.conversation_id where m.id = k.id offset 0) by_id"
                        + " where tenant_id = $1 and direction = 'OUT') limit 1) t")
                .execute(Tuple.of(tenantId,
                        column(references, reference -> reference.provider().name(), String[]::new),
                        column(references, Reference::providerMessageId, String[]::new),
                        column(references, Reference::messageId, UUID[]::new)))
                .map(rows -> {
                    List<Optional<Tracked>> found = new ArrayList<>(Collections.nCopies(references.size(),
                            Optional.empty()));
                    rows.forEach(row -> found.set(row.getLong("ord").intValue() - 1, Optional.of(toTracked(row))));
                    return found;
                });
    }

    /**
     * Stores an inbound message once: empty when the provider delivered it before (same provider id), so a webhook
     * repeated three times is applied once.
     */
    public Uni<Boolean> receive(SqlClient tx, UUID id, String tenantId, UUID conversationId, UUID channelId,
                                ChannelKind kind, Provider provider, String providerMessageId, String from, String text,
                                Instant at) {
        return tx.preparedQuery("insert into message (id, tenant_id, conversation_id, channel_id, direction, purpose,"
                        + " kind, provider, address, body, status, provider_message_id, created_at)"
                        + " values ($1, $2, $3, $4, 'IN', 'REPLY', $5, $6, $7, $8, 'RECEIVED', $9, $10)"
                        + " on conflict (tenant_id, provider, provider_message_id) where provider_message_id is not null"
                        + " do nothing")
                .execute(Tuple.from(Arrays.asList(id, tenantId, conversationId, channelId, kind.name(),
                        provider.name(), from, text, providerMessageId, utc(at))))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Claims up to {@code limit} messages whose send is in doubt (SENDING past its lease: the process stopped
     * between recording and recording the answer) for {@code lease}, so one instance reconciles each.
     */
    public Uni<List<PendingMessage>> claimInDoubt(SqlClient tx, Duration lease, int limit) {
        return tx.preparedQuery("update message m set claimed_until = now() + $1 * interval '1 millisecond' from message old"
                        + " left join conversation c on c.id = old.conversation_id where old.id = m.id and m.id in"
                        + " (select id from message where status = 'SENDING' and claimed_until < now()"
                        + " order by claimed_until limit $2 for update skip locked) returning " + PENDING)
                .execute(Tuple.of(lease.toMillis(), limit))
                .map(rows -> ChannelStore.map(rows, MessageStore::toPending));
    }

    /**
     * Outreach sent before {@code sentBefore} and never delivered, locked for the delivery-timeout sweep. E-mail is
     * left out: SMTP reports no delivery (only bounces), so accepted is as far as it gets.
     */
    public Uni<List<Tracked>> lockUndelivered(SqlClient tx, Instant sentBefore, int limit) {
        return tx.preparedQuery("select " + TRACKED + " from message m" + ITS_CONVERSATION
                        + " where m.status = 'SENT' and m.direction = 'OUT'"
                        + " and m.purpose = 'OUTREACH' and m.kind <> 'EMAIL' and m.sent_at < $1 order by m.sent_at limit $2"
                        + " for update of m skip locked")
                .execute(Tuple.of(utc(sentBefore), limit))
                .map(rows -> ChannelStore.map(rows, MessageStore::toTracked));
    }

    public Uni<List<MessageView>> ofConversation(SqlClient tx, String tenantId, UUID conversationId) {
        return tx.preparedQuery("select " + VIEW + " from message where tenant_id = $1 and conversation_id = $2"
                        + " order by created_at, id")
                .execute(Tuple.of(tenantId, conversationId))
                .map(rows -> ChannelStore.map(rows, MessageStore::toView));
    }

    private static PendingMessage toPending(Row row) {
        return new PendingMessage(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("conversation_id"),
                row.getUUID("channel_id"), row.getString("purpose"), ChannelKind.valueOf(row.getString("kind")),
                row.getString("address"), row.getString("subject"), row.getString("body"), row.getInteger("attempt"),
                row.getInteger("send_tries"), row.getInteger("failures"),
                instant(row.getOffsetDateTime("first_try_at")), instant(row.getOffsetDateTime("tried_at")),
                row.getString("cnpj"), row.getString("state"));
    }

    private static Tracked toTracked(Row row) {
        return new Tracked(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("conversation_id"),
                row.getString("cnpj"), row.getString("purpose"), ChannelKind.valueOf(row.getString("kind")),
                row.getString("provider"), row.getString("address"), row.getString("status"),
                row.getInteger("attempt"), row.getString("provider_message_id"));
    }

    private static MessageView toView(Row row) {
        return new MessageView(row.getUUID("id"), row.getUUID("conversation_id"), row.getString("direction"),
                row.getString("purpose"), ChannelKind.valueOf(row.getString("kind")), row.getString("provider"),
                row.getUUID("channel_id"), row.getString("address"), row.getString("subject"), row.getString("body"),
                row.getString("status"), row.getInteger("attempt"), row.getString("provider_message_id"),
                row.getString("error_code"), row.getString("error"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("not_before")), instant(row.getOffsetDateTime("sent_at")),
                instant(row.getOffsetDateTime("delivered_at")));
    }

    /** One column of {@code rows} as an array, for {@code unnest} or {@code = any}. */
    static <R, T> T[] column(List<R> rows, Function<R, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
