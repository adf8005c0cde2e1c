package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.provider.evolution.EvolutionChannelKeys;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A tenant's channels: created, changed (secrets replaced, never read back), paused and deleted by its admins. */
@ApplicationScoped
public class Channels {

    /** What a tenant admin gives for a channel; secrets are write-only. */
    public record Definition(ChannelKind kind, Provider provider, String address, String name,
                             Map<String, String> settings, Map<String, String> secrets, Integer dailyCap,
                             Integer perSecond) {
    }

    /** A change: absent fields keep their value; {@code secrets} entries replace (null removes). */
    public record Change(String name, Map<String, String> settings, Map<String, String> secrets, Integer dailyCap,
                         Integer perSecond, String status) {
    }

    static final int DEFAULT_DAILY_CAP = 250;
    static final int DEFAULT_PER_SECOND = 1;

    /** What an Evolution instance is told when its webhook is registered: a change to one registers it again. */
    private static final List<String> WEBHOOK_SETTINGS = List.of(EvolutionChannelKeys.SERVER_URL,
            EvolutionChannelKeys.INSTANCE);
    private static final List<String> WEBHOOK_SECRETS = List.of(EvolutionChannelKeys.API_KEY,
            EvolutionChannelKeys.WEBHOOK_SECRET, EvolutionChannelKeys.JWT_KEY);

    private final TenantTransactions transactions;
    private final ChannelStore store;
    private final EvolutionInstances evolution;
    private final ProviderHosts hosts;

    public Channels(TenantTransactions transactions, ChannelStore store, EvolutionInstances evolution,
                    ProviderHosts hosts) {
        this.transactions = transactions;
        this.store = store;
        this.evolution = evolution;
        this.hosts = hosts;
    }

    public Uni<ChannelInfo> create(String tenantId, Definition definition) {
        String address = canonical(definition.kind(), definition.address());
        Map<String, String> settings = definition.settings() == null ? Map.of() : definition.settings();
        Map<String, String> secrets = definition.secrets() == null ? Map.of() : definition.secrets();
        check(definition.kind(), definition.provider(), address, settings, secrets);
        Channel channel = new Channel(UUID.randomUUID(), tenantId, definition.kind(), definition.provider(), address,
                settings, secrets, definition.dailyCap() == null ? DEFAULT_DAILY_CAP : definition.dailyCap(),
                definition.perSecond() == null ? DEFAULT_PER_SECOND : definition.perSecond());
        String name = definition.name() == null || definition.name().isBlank() ? address : definition.name().strip();
        // Stored first (a taken sender is refused before the instance is touched), then the Evolution instance is
        // pointed at it in the same transaction: a refusal rolls the channel back.
        return hosts.check(channel.provider(), settings)
                .chain(() -> transactions.forTenant(tenantId, tx -> store.insert(tx, channel, name)
                        .call(() -> channel.provider() == Provider.EVOLUTION ? evolution.registerWebhook(channel)
                                : Uni.createFrom().voidItem())
                        .chain(() -> store.info(tx, tenantId, channel.id()))))
                .map(info -> info.orElseThrow())
                .onFailure(Channels::senderTaken).transform(failure -> senderRefused(definition.provider()));
    }

    public Uni<ChannelInfo> change(String tenantId, UUID id, Change change) {
        return apply(tenantId, id, change).chain(() -> transactions.forTenant(tenantId, tx -> store.info(tx, tenantId, id)))
                .map(info -> info.orElseThrow());
    }

    /** Deletes the channel: it sends nothing more and its webhooks are refused (404); history is kept. */
    public Uni<Void> delete(String tenantId, UUID id) {
        return apply(tenantId, id, new Change(null, null, null, null, null, "DELETED"));
    }

    private Uni<Void> apply(String tenantId, UUID id, Change change) {
        return transactions.forTenant(tenantId, tx -> store.info(tx, tenantId, id).chain(found -> {
            if (found.isEmpty()) {
                throw ApiException.notFound("channel_not_found", "no channel " + id);
            }
            return store.channel(tx, id).chain(current -> {
                Channel old = current.orElseThrow();
                Map<String, String> settings = merged(old.settings(), change.settings());
                Map<String, String> oldSecrets = readable(old);
                Map<String, String> secrets = merged(oldSecrets, change.secrets());
                String status = change.status() == null ? found.get().status() : change.status();
                if (!"DELETED".equals(status)) {
                    check(old.kind(), old.provider(), old.address(), settings, secrets);
                }
                Channel changed = new Channel(id, tenantId, old.kind(), old.provider(), old.address(), settings,
                        secrets, change.dailyCap() == null ? old.dailyCap() : change.dailyCap(),
                        change.perSecond() == null ? old.perSecond() : change.perSecond());
                String name = change.name() == null ? found.get().name() : change.name().strip();
                // Only what this change sets is checked: a deletion or a new cap never fails on a host saved before.
                Map<String, String> given = new HashMap<>(change.settings() == null ? Map.of() : change.settings());
                given.values().removeIf(Objects::isNull);
                // The instance is told before the row is updated (and locked, which would hold the dispatcher up for
                // as long as the tenant's Evolution server takes to answer); its refusal leaves the channel as it was.
                return hosts.check(old.provider(), given)
                        .call(() -> !"DELETED".equals(status) && webhookChanged(old, oldSecrets, changed)
                                ? evolution.registerWebhook(changed) : Uni.createFrom().voidItem())
                        .chain(() -> store.update(tx, changed, name, status));
            });
        }));
    }

    /** {@code values} with {@code changes} applied: an entry replaces, a {@code null} removes. */
    private static Map<String, String> merged(Map<String, String> values, Map<String, String> changes) {
        Map<String, String> merged = new HashMap<>(values);
        if (changes != null) {
            changes.forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
        }
        return merged;
    }

    private static boolean webhookChanged(Channel old, Map<String, String> oldSecrets, Channel changed) {
        return old.provider() == Provider.EVOLUTION
                && (WEBHOOK_SETTINGS.stream().anyMatch(key -> !Objects.equals(old.settings().get(key),
                        changed.settings().get(key)))
                || WEBHOOK_SECRETS.stream().anyMatch(key -> !Objects.equals(oldSecrets.get(key),
                        changed.secrets().get(key))));
    }

    /**
     * The channel's secrets; none when they cannot be decrypted (a retired key): the change must then give them all
     * again ({@link #check} names the missing ones), and a deletion needs none.
     */
    private static Map<String, String> readable(Channel channel) {
        try {
            return Map.copyOf(channel.secrets());
        } catch (IllegalStateException unreadable) {
            return Map.of();
        }
    }

    private static String canonical(ChannelKind kind, String address) {
        if (kind == null || address == null) {
            throw ApiException.badRequest("invalid_channel", "kind, provider and address are required");
        }
        if (kind == ChannelKind.EMAIL) {
            return ContactAddress.email(address).orElse(address);
        }
        // A sender's number is given in E.164 (a national number would be read as another country's).
        return address.strip().startsWith("+") ? ContactAddress.phone(address).orElse(address) : address;
    }

    private static void check(ChannelKind kind, Provider provider, String address, Map<String, String> settings,
                              Map<String, String> secrets) {
        if (provider == null) {
            throw ApiException.badRequest("invalid_channel", "kind, provider and address are required");
        }
        List<String> problems = ChannelRequirements.problems(kind, provider, address, settings, secrets);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_channel", "the channel cannot work as given",
                    Map.of("problems", problems));
        }
    }

    /**
     * A sender already live, in this tenant or another (one owner per sender: inbound messages are routed by it). The
     * answer is the same either way and does not repeat the sender, so it does not tell whose it is.
     */
    private static ApiException senderRefused(Provider provider) {
        return ApiException.conflict("channel_exists", "this sender cannot be registered with " + provider
                + "; if one of your channels already uses it, change or delete that one");
    }

    private static boolean senderTaken(Throwable failure) {
        return failure instanceof PgException database && "23505".equals(database.getSqlState());
    }
}
