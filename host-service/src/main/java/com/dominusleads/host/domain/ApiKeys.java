package com.dominusleads.host.domain;

import com.dominusleads.host.persistence.ApiKeyStore;
import com.dominusleads.host.persistence.TenantStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.apikeys.HostApiKey;
import com.dominusleads.servicekit.apikeys.Introspection;
import com.dominusleads.servicekit.tenancy.Roles;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Host API keys: issued by host operators for a tenant (scopes among the tenant roles) or for the platform (scope
 * host-admin), shown once, revocable, optionally expiring. Services ask {@link #introspect} whether a presented key
 * is usable: active, not expired, and its tenant active.
 */
@ApplicationScoped
public class ApiKeys {

    /** A key as created: its metadata and, this once, the value to give its holder. */
    public record Issued(ApiKey key, String value) {
    }

    private final TenantTransactions transactions;
    private final ApiKeyStore store;
    private final TenantStore tenants;

    public ApiKeys(TenantTransactions transactions, ApiKeyStore store, TenantStore tenants) {
        this.transactions = transactions;
        this.store = store;
        this.tenants = tenants;
    }

    public Uni<Issued> issue(String tenantId, String name, List<String> scopes, Instant expiresAt, String createdBy) {
        Set<String> allowed = tenantId == null ? Set.of(Roles.HOST_ADMIN) : Roles.TENANT_ROLES;
        List<String> invalid = scopes.stream().filter(scope -> !allowed.contains(scope)).toList();
        if (!invalid.isEmpty()) {
            throw new ApiException(400, "invalid_scopes", "A " + (tenantId == null ? "platform" : "tenant")
                    + " key's scopes are among " + allowed + "; not " + invalid + ".", Map.of("scopes", invalid));
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ApiException.badRequest("invalid_expiry", "expiresAt must be in the future.");
        }
        HostApiKey secret = HostApiKey.generate();
        ApiKey key = new ApiKey(secret.id(), tenantId, name, secret.displayPrefix(), List.copyOf(Set.copyOf(scopes)),
                expiresAt, null, null, createdBy, null);
        return transactions.acrossTenants(tx -> (tenantId == null ? Uni.createFrom().item(Optional.<Tenant>empty())
                        : tenants.find(tx, tenantId).invoke(tenant -> {
                            if (tenant.isEmpty() || tenant.get().status() == TenantStatus.CLOSED) {
                                throw ApiException.notFound("tenant_not_found", "No open tenant '" + tenantId + "'.");
                            }
                        }))
                        .chain(() -> store.insert(tx, key, secret.secretHash())))
                .map(stored -> new Issued(stored, secret.value()));
    }

    public Uni<List<ApiKey>> list(String tenantId, int limit) {
        return transactions.acrossTenants(tx -> store.list(tx, tenantId, limit));
    }

    public Uni<ApiKey> revoke(UUID id) {
        return transactions.acrossTenants(tx -> store.revoke(tx, id)).map(revoked -> revoked.orElseThrow(() ->
                ApiException.notFound("api_key_not_found", "No API key " + id + ".")));
    }

    /** Whether {@code value} is a usable key, and what it may do; records when it was last used. */
    public Uni<Introspection> introspect(String value) {
        Optional<HostApiKey> presented = HostApiKey.parse(value);
        if (presented.isEmpty()) {
            return Uni.createFrom().item(Introspection.inactive());
        }
        HostApiKey key = presented.get();
        Instant now = Instant.now();
        return transactions.acrossTenants(tx -> store.findWithHash(tx, key.id()).chain(found -> {
            if (found.isEmpty() || !key.matches(found.get().secretHash()) || !found.get().key().usableAt(now)) {
                return Uni.createFrom().item(Introspection.inactive());
            }
            ApiKey stored = found.get().key();
            Uni<Boolean> tenantActive = stored.tenantId() == null ? Uni.createFrom().item(true)
                    : tenants.find(tx, stored.tenantId())
                            .map(tenant -> tenant.map(t -> t.status() == TenantStatus.ACTIVE).orElse(false));
            return tenantActive.chain(active -> !active ? Uni.createFrom().item(Introspection.inactive())
                    : store.touch(tx, stored.id()).replaceWith(new Introspection(true, stored.id().toString(),
                            stored.tenantId(), stored.scopes(), stored.expiresAt())));
        }));
    }
}
