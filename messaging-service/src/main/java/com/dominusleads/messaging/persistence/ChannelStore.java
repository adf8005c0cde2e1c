package com.dominusleads.messaging.persistence;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelInfo;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.CredentialCipher;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.domain.SealedSecrets;
import com.dominusleads.messaging.domain.SendPacing;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Channels: their settings and health, and their secrets, encrypted at rest ({@link CredentialCipher}). */
@ApplicationScoped
public class ChannelStore {

    /** The day a channel's daily cap counts in. */
    public static final ZoneId CAP_ZONE = ZoneId.of("America/Sao_Paulo");

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ChannelStore.class);

    static final String COLUMNS = "id, tenant_id, kind, provider, address, name, settings, credentials, daily_cap,"
            + " per_second, status, connection, quality, last_error, last_error_at, sent_day, sent_today, created_at";

    private final TenantTransactions transactions;
    private final CredentialCipher cipher;

    public ChannelStore(TenantTransactions transactions, CredentialCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /**
     * The live channel a webhook URL names, across tenants (a webhook carries no token: the channel it is bound to
     * names the tenant). Empty for an unknown or deleted channel.
     */
    public Uni<Optional<Channel>> findForWebhook(UUID channelId) {
        return transactions.acrossTenants(tx -> tx.preparedQuery("select " + COLUMNS + " from channel"
                        + " where id = $1 and status <> 'DELETED'").execute(Tuple.of(channelId)))
                .map(rows -> first(rows).map(this::toChannel));
    }

    /** {@code tenantId}'s live channels of {@code provider}. */
    public Uni<List<Channel>> live(String tenantId, Provider provider) {
        return transactions.forTenant(tenantId, tx -> tx.preparedQuery("select " + COLUMNS + " from channel"
                        + " where tenant_id = $1 and provider = $2 and status = 'ACTIVE' order by created_at")
                        .execute(Tuple.of(tenantId, provider.name())))
                .map(rows -> map(rows, this::toChannel));
    }

    /** Every tenant's live channels of {@code provider} (the mailbox poller, the rotation job). */
    public Uni<List<Channel>> liveAcrossTenants(Provider provider) {
        return transactions.acrossTenants(tx -> tx.preparedQuery("select " + COLUMNS + " from channel"
                        + " where provider = $1 and status = 'ACTIVE' order by tenant_id, created_at")
                        .execute(Tuple.of(provider.name())))
                .map(rows -> map(rows, this::toChannel));
    }

    /** A channel with its secrets, in a transaction that sees it. */
    public Uni<Optional<Channel>> channel(SqlClient tx, UUID channelId) {
        return tx.preparedQuery("select " + COLUMNS + " from channel where id = $1").execute(Tuple.of(channelId))
                .map(rows -> first(rows).map(this::toChannel));
    }

    /** The kinds of channel {@code tenantId} can send through now. */
    public Uni<List<ChannelKind>> liveKinds(SqlClient tx, String tenantId) {
        return tx.preparedQuery("select distinct kind from channel where tenant_id = $1 and status = 'ACTIVE'")
                .execute(Tuple.of(tenantId))
                .map(rows -> map(rows, row -> ChannelKind.valueOf(row.getString(0))));
    }

    public Uni<List<ChannelInfo>> list(SqlClient tx, String tenantId) {
        return tx.preparedQuery("select " + COLUMNS + " from channel where tenant_id = $1 and status <> 'DELETED'"
                        + " order by created_at, id").execute(Tuple.of(tenantId))
                .map(rows -> map(rows, this::toInfo));
    }

    public Uni<Optional<ChannelInfo>> info(SqlClient tx, String tenantId, UUID channelId) {
        return tx.preparedQuery("select " + COLUMNS + " from channel where tenant_id = $1 and id = $2"
                        + " and status <> 'DELETED'").execute(Tuple.of(tenantId, channelId))
                .map(rows -> first(rows).map(this::toInfo));
    }

    /** A live channel with its pacing state, for the dispatcher. */
    public record Live(Channel channel, SendPacing.ChannelSlots slots) {
    }

    /**
     * The active and paused channels of {@code tenantIds}, locked in id order until the transaction ends: their slots and daily
     * counts change under these locks only, so instances dispatching for the same tenant take turns. A no-key lock
     * (the slots are no key): it does not wait for, nor hold up, the key-share locks that recording a message through
     * the channel takes (its foreign key). Answers that update the channel itself (a throttle, a failure, health)
     * still wait for the round.
     */
    public Uni<List<Live>> lockLive(SqlClient tx, List<String> tenantIds) {
        return tx.preparedQuery("select " + COLUMNS + ", next_slot_at from channel where tenant_id = any($1)"
                        + " and status in ('ACTIVE', 'PAUSED') order by id for no key update")
                .execute(Tuple.of(tenantIds.toArray(String[]::new)))
                .map(rows -> map(rows, row -> {
                    Channel channel = toChannel(row);
                    OffsetDateTime next = row.getOffsetDateTime("next_slot_at");
                    return new Live(channel, new SendPacing.ChannelSlots(channel.id(), channel.kind(),
                            channel.perSecond(), channel.dailyCap(), "PAUSED".equals(row.getString("status")),
                            next == null ? java.time.Instant.EPOCH : next.toInstant(), row.getLocalDate("sent_day"),
                            row.getInteger("sent_today")));
                }));
    }

    /** Writes back the slots and daily counts the dispatcher reserved. */
    public Uni<Void> saveSlots(SqlClient tx, List<SendPacing.ChannelSlots> slots) {
        List<Tuple> changed = slots.stream().filter(SendPacing.ChannelSlots::changed)
                .map(slot -> Tuple.of(slot.id(), slot.nextSlot().atOffset(java.time.ZoneOffset.UTC), slot.day(),
                        slot.sentToday()))
                .toList();
        return changed.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update channel set next_slot_at = $2, sent_day = $3, sent_today = $4 where id = $1")
                .executeBatch(changed).replaceWithVoid();
    }

    /** Stores a new channel, its secrets encrypted for it; fails with a unique violation if the sender is taken. */
    public Uni<Void> insert(SqlClient tx, Channel channel, String name) {
        return tx.preparedQuery("insert into channel (id, tenant_id, kind, provider, address, name, settings,"
                        + " credentials, daily_cap, per_second) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(List.of(channel.id(), channel.tenantId(), channel.kind().name(),
                        channel.provider().name(), channel.address(), name, new JsonObject(Map.copyOf(channel.settings())),
                        seal(channel), channel.dailyCap(), channel.perSecond())))
                .replaceWithVoid();
    }

    /** Replaces a channel's editable fields (name, settings, secrets, caps, status) with {@code channel}'s. */
    public Uni<Void> update(SqlClient tx, Channel channel, String name, String status) {
        return tx.preparedQuery("update channel set name = $3, settings = $4, credentials = $5, daily_cap = $6,"
                        + " per_second = $7, status = $8, updated_at = now() where tenant_id = $1 and id = $2")
                .execute(Tuple.from(List.of(channel.tenantId(), channel.id(), name,
                        new JsonObject(Map.copyOf(channel.settings())), seal(channel), channel.dailyCap(),
                        channel.perSecond(), status)))
                .replaceWithVoid();
    }

    /** Records that the provider refused the channel itself (credentials, a closed instance): its health. */
    public Uni<Void> recordError(SqlClient tx, UUID channelId, String error) {
        return tx.preparedQuery("update channel set last_error = $2, last_error_at = now(), quality = 'ERROR'"
                + " where id = $1").execute(Tuple.of(channelId, error)).replaceWithVoid();
    }

    /** Sends went through these channels: they work again. */
    public Uni<Void> recordHealthy(SqlClient tx, List<UUID> channelIds) {
        return channelIds.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update channel set quality = 'GREEN' where id = any($1) and quality <> 'GREEN'")
                .execute(Tuple.of(channelIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** The provider asked to slow down: no send through the channel starts before {@code until}. */
    public Uni<Void> holdUntil(SqlClient tx, UUID channelId, java.time.Instant until) {
        return tx.preparedQuery("update channel set next_slot_at = greatest(next_slot_at, $2) where id = $1")
                .execute(Tuple.of(channelId, until.atOffset(java.time.ZoneOffset.UTC))).replaceWithVoid();
    }

    /** An Evolution instance's connection state, as its webhook or the API reported it. */
    public Uni<Void> recordConnection(SqlClient tx, UUID channelId, String state) {
        return tx.preparedQuery("update channel set connection = $2, updated_at = now() where id = $1")
                .execute(Tuple.of(channelId, state)).replaceWithVoid();
    }

    /** What one round of re-encryption did: channels looked at, re-encrypted, and the last id (the next round's start). */
    public record Rotation(int examined, int rotated, UUID last) {
    }

    /**
     * Re-encrypts up to {@code limit} channels after {@code after} (id order) whose secrets are not under the active
     * key yet, locked for this short transaction. One that cannot be decrypted is left as it is and named in the
     * log: the others go on.
     */
    public Uni<Rotation> rotateKeys(SqlClient tx, UUID after, int limit) {
        // Waits for a channel the dispatcher holds (briefly) rather than skipping it: skipped, a busy channel could stay
        // under the old key run after run, and be lost when the operator drops that key.
        return tx.preparedQuery("select id, tenant_id, credentials from channel where id > $1"
                        + " and left(credentials, length($2)) <> $2 order by id limit $3 for update")
                .execute(Tuple.of(after, cipher.activePrefix(), limit))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    UUID last = after;
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        String tenant = row.getString("tenant_id");
                        last = id;
                        try {
                            String plain = cipher.decrypt(tenant, id, row.getString("credentials"));
                            updates.add(Tuple.of(id, cipher.encrypt(tenant, id, plain)));
                        } catch (RuntimeException unreadable) {
                            LOG.warnf("Channel %s: credentials cannot be decrypted with the configured keys (%s);"
                                    + " left as they are", id, unreadable.getClass().getSimpleName());
                        }
                    }
                    Rotation rotation = new Rotation(rows.size(), updates.size(), last);
                    return updates.isEmpty() ? Uni.createFrom().item(rotation)
                            : tx.preparedQuery("update channel set credentials = $2 where id = $1")
                                    .executeBatch(updates).replaceWith(rotation);
                });
    }

    private String seal(Channel channel) {
        return cipher.encrypt(channel.tenantId(), channel.id(), new JsonObject(Map.copyOf(channel.secrets())).encode());
    }

    /** A channel row (the {@link #COLUMNS}) with its secrets, decrypted when first used. */
    public Channel toChannel(Row row) {
        UUID id = row.getUUID("id");
        String tenant = row.getString("tenant_id");
        String envelope = row.getString("credentials");
        return new Channel(id, tenant, ChannelKind.valueOf(row.getString("kind")),
                Provider.valueOf(row.getString("provider")), row.getString("address"), strings(settings(row)),
                new SealedSecrets(() -> strings(new JsonObject(cipher.decrypt(tenant, id, envelope)))),
                row.getInteger("daily_cap"), row.getInteger("per_second"));
    }

    private ChannelInfo toInfo(Row row) {
        UUID id = row.getUUID("id");
        String tenant = row.getString("tenant_id");
        List<String> secretNames;
        try {
            secretNames = new ArrayList<>(new TreeMap<>(
                    new JsonObject(cipher.decrypt(tenant, id, row.getString("credentials"))).getMap()).keySet());
        } catch (RuntimeException unreadable) {
            secretNames = List.of();   // shown as having none: the admin sets them again
        }
        LocalDate day = row.getLocalDate("sent_day");
        OffsetDateTime errorAt = row.getOffsetDateTime("last_error_at");
        return new ChannelInfo(id, ChannelKind.valueOf(row.getString("kind")),
                Provider.valueOf(row.getString("provider")), row.getString("address"), row.getString("name"),
                strings(settings(row)), secretNames, row.getInteger("daily_cap"), row.getInteger("per_second"),
                row.getString("status"), row.getString("connection"), row.getString("quality"),
                row.getString("last_error"), errorAt == null ? null : errorAt.toInstant(),
                LocalDate.now(CAP_ZONE).equals(day) ? row.getInteger("sent_today") : 0,
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static JsonObject settings(Row row) {
        Object value = row.getValue("settings");
        return value instanceof JsonObject json ? json : new JsonObject(String.valueOf(value));
    }

    private static Map<String, String> strings(JsonObject json) {
        Map<String, String> values = new TreeMap<>();
        json.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
        return values;
    }

    static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            items.add(mapper.apply(row));
        }
        return items;
    }
}
