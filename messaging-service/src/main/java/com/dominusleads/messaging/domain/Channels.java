package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final TenantTransactions transactions;
    private final ChannelStore store;
    private final EvolutionInstances evolution;

    public Channels(TenantTransactions transactions, ChannelStore store, EvolutionInstances evolution) {
        this.transactions = transactions;
        this.store = store;
        this.evolution = evolution;
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
        // An Evolution instance learns where to post before the channel exists: a refusal stores nothing.
        Uni<Void> webhook = channel.provider() == Provider.EVOLUTION ? evolution.registerWebhook(channel)
                : Uni.createFrom().voidItem();
        return webhook.chain(() -> transactions.forTenant(tenantId, tx -> store.insert(tx, channel, name)
                        .chain(() -> store.info(tx, tenantId, channel.id()))))
                .map(info -> info.orElseThrow())
                .onFailure(Channels::senderTaken).transform(failure -> ApiException.conflict("channel_exists",
                        "a live " + definition.provider() + " channel already sends from " + address));
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
                Map<String, String> settings = new HashMap<>(old.settings());
                if (change.settings() != null) {
                    change.settings().forEach((key, value) -> {
                        if (value == null) {
                            settings.remove(key);
                        } else {
                            settings.put(key, value);
                        }
                    });
                }
                Map<String, String> secrets = new HashMap<>(old.secrets());
                if (change.secrets() != null) {
                    change.secrets().forEach((key, value) -> {
                        if (value == null) {
                            secrets.remove(key);
                        } else {
                            secrets.put(key, value);
                        }
                    });
                }
                check(old.kind(), old.provider(), old.address(), settings, secrets);
                Channel changed = new Channel(id, tenantId, old.kind(), old.provider(), old.address(), settings,
                        secrets, change.dailyCap() == null ? old.dailyCap() : change.dailyCap(),
                        change.perSecond() == null ? old.perSecond() : change.perSecond());
                String status = change.status() == null ? found.get().status() : change.status();
                String name = change.name() == null ? found.get().name() : change.name().strip();
                return store.update(tx, changed, name, status);
            });
        }));
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

    private static boolean senderTaken(Throwable failure) {
        return failure instanceof PgException database && "23505".equals(database.getSqlState());
    }
}
