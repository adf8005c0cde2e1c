package com.dominusleads.host.domain;

import com.dominusleads.host.config.HostConfig;
import com.dominusleads.host.messaging.TenantEvents;
import com.dominusleads.host.persistence.PlanStore;
import com.dominusleads.host.persistence.TenantStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tenant's changes after provisioning: name and plan, suspension and reactivation, closing (deletion with a
 * retention period) and reopening within it. Each change and its {@code tenant.updated} commit together; every
 * service refuses a suspended or closed tenant's users once the event reaches it.
 */
@ApplicationScoped
public class TenantLifecycle {

    private final TenantTransactions transactions;
    private final TenantStore store;
    private final TenantEvents events;
    private final HostConfig config;
    private final PlanStore plans;

    public TenantLifecycle(TenantTransactions transactions, TenantStore store, TenantEvents events, HostConfig config,
                           PlanStore plans) {
        this.transactions = transactions;
        this.store = store;
        this.events = events;
        this.config = config;
        this.plans = plans;
    }

    public Uni<Tenant> find(String tenantId) {
        return transactions.acrossTenants(tx -> store.find(tx, tenantId)).map(found -> found.orElseThrow(() ->
                notFound(tenantId)));
    }

    public Uni<List<Tenant>> list(TenantStatus status, String after, int limit) {
        return transactions.acrossTenants(tx -> store.list(tx, status, after, limit));
    }

    /** Renames and/or moves the tenant to another plan (null: unchanged); an unknown plan is a 400. */
    public Uni<Tenant> update(String tenantId, String displayName, String planCode) {
        return change(tenantId, tx -> requirePlan(tx, plans, planCode)
                .chain(() -> store.rename(tx, tenantId, displayName, planCode)), List.of());
    }

    /** Fails with 400 {@code unknown_plan} unless {@code planCode} is null or names a plan. */
    static Uni<Void> requirePlan(SqlConnection tx, PlanStore plans, String planCode) {
        if (planCode == null) {
            return Uni.createFrom().voidItem();
        }
        return plans.exists(tx, planCode).invoke(exists -> {
            if (!exists) {
                throw ApiException.badRequest("unknown_plan",
                        "No plan '" + planCode + "': create it first (POST /api/host/plans) or pick one of GET /api/host/plans.");
            }
        }).replaceWithVoid();
    }

    public Uni<Tenant> suspend(String tenantId, String reason) {
        return change(tenantId, tx -> store.changeStatus(tx, tenantId, List.of(TenantStatus.ACTIVE),
                TenantStatus.SUSPENDED, reason, null, null), List.of(TenantStatus.ACTIVE));
    }

    public Uni<Tenant> reactivate(String tenantId) {
        return change(tenantId, tx -> store.changeStatus(tx, tenantId, List.of(TenantStatus.SUSPENDED),
                TenantStatus.ACTIVE, null, null, null), List.of(TenantStatus.SUSPENDED));
    }

    /** Deletes the tenant: access ends now; data and identities are kept for the retention period, then purged. */
    public Uni<Tenant> close(String tenantId, String reason) {
        Instant now = Instant.now();
        List<TenantStatus> open = List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.PROVISIONING);
        return change(tenantId, tx -> store.changeStatus(tx, tenantId, open, TenantStatus.CLOSED, reason, now,
                now.plus(config.tenantRetention())), open);
    }

    /** Undoes a deletion within the retention period; once it ended the tenant is (being) purged: 409. */
    public Uni<Tenant> reopen(String tenantId) {
        return transactions.acrossTenants(tx -> store.reopen(tx, tenantId).chain(reopened -> {
            if (reopened.isPresent()) {
                return events.updated(tx, reopened.get()).replaceWith(reopened.get());
            }
            return store.find(tx, tenantId).map(found -> {
                Tenant tenant = found.orElseThrow(() -> notFound(tenantId));
                if (tenant.status() == TenantStatus.CLOSED) {
                    throw new ApiException(409, "tenant_purged", "Tenant '" + tenantId
                            + "' is past its retention (purged or being purged) and cannot be reopened.");
                }
                throw new ApiException(409, "invalid_tenant_status", "Tenant '" + tenantId + "' is "
                        + tenant.status() + "; only a CLOSED tenant can be reopened.");
            });
        }));
    }

    /**
     * Applies {@code change} and publishes the new state; an empty result means the tenant was not in one of
     * {@code allowedFrom}: 404 if it does not exist, 409 otherwise.
     */
    private Uni<Tenant> change(String tenantId, Function<SqlConnection, Uni<Optional<Tenant>>> change,
                               List<TenantStatus> allowedFrom) {
        return transactions.acrossTenants(tx -> change.apply(tx).chain(changed -> {
            if (changed.isPresent()) {
                return events.updated(tx, changed.get()).replaceWith(changed.get());
            }
            return store.find(tx, tenantId).map(found -> {
                Tenant tenant = found.orElseThrow(() -> notFound(tenantId));
                throw new ApiException(409, "invalid_tenant_status", "Tenant '" + tenantId + "' is "
                        + tenant.status() + "; this change needs it to be one of " + allowedFrom + ".");
            });
        }));
    }

    static ApiException notFound(String tenantId) {
        return ApiException.notFound("tenant_not_found", "No tenant '" + tenantId + "'.");
    }
}
