package com.dominusleads.host.domain;

import com.dominusleads.host.client.KeycloakDirectory;
import com.dominusleads.host.messaging.TenantEvents;
import com.dominusleads.host.persistence.PlanStore;
import com.dominusleads.host.persistence.TenantStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Creates a tenant and its identities: the tenant row (PROVISIONING), then in Keycloak its organization, its first
 * admin (tenant-admin, tenant_id attribute, must set a password) as a member, and the invitation e-mail; then ACTIVE
 * and {@code tenant.created} in one transaction. Keycloak steps are find-or-create, so a provisioning cut short
 * (Keycloak down, a crash) is finished by running it again: by the operator repeating the request, or by
 * {@link TenantMaintenance} a minute later. The invitation is sent once (recorded with the tenant).
 */
@ApplicationScoped
public class TenantProvisioning {

    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class);

    private final TenantTransactions transactions;
    private final TenantStore store;
    private final TenantEvents events;
    private final KeycloakDirectory directory;
    private final PlanStore plans;

    public TenantProvisioning(TenantTransactions transactions, TenantStore store, TenantEvents events,
                              KeycloakDirectory directory, PlanStore plans) {
        this.transactions = transactions;
        this.store = store;
        this.events = events;
        this.directory = directory;
        this.plans = plans;
    }

    /** What a creation request ended as: the tenant, and whether this request created it. */
    public record Creation(Tenant tenant, boolean created) {
    }

    /**
     * Creates the tenant, or finishes provisioning one created before with the same request (same admin e-mail).
     * A tenant id taken by a different request is a 409; an admin e-mail used in another tenant is a 409 before
     * anything is stored.
     */
    public Uni<Creation> create(NewTenant request) {
        return transactions.acrossTenants(tx -> store.find(tx, request.tenantId())).chain(existing -> {
            if (existing.isPresent()) {
                Tenant tenant = existing.get();
                if (!tenant.admin().email().equalsIgnoreCase(request.admin().email())) {
                    return Uni.createFrom().failure(ApiException.conflict("tenant_exists",
                            "Tenant '" + request.tenantId() + "' already exists: choose another id."));
                }
                return provision(tenant).map(tenantNow -> new Creation(tenantNow, false));
            }
            return blocking(() -> {
                directory.checkAdminAvailable(request.tenantId(), request.admin().email());
                return request;
            })
                    // Nothing is stored while Keycloak cannot even be asked: the operator retries the same request.
                    .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> new ApiException(503,
                            "identity_provider_unavailable", "Keycloak cannot be reached (" + failure.getMessage()
                            + "); nothing was created: send the same request again shortly.", Map.of(), 30))
                    .chain(() -> transactions.acrossTenants(tx -> TenantLifecycle.requirePlan(tx, plans, request.planCode())
                            .chain(() -> store.insert(tx, request))))
                    .chain(inserted -> inserted.isPresent()
                            ? provision(inserted.get()).map(tenant -> new Creation(tenant, true))
                            : create(request));  // a concurrent request inserted it first: answer as a repeat
        });
    }

    /** Runs (again) the Keycloak steps of a PROVISIONING tenant; any other tenant is returned as it is. */
    public Uni<Tenant> provision(Tenant tenant) {
        if (tenant.status() != TenantStatus.PROVISIONING) {
            return Uni.createFrom().item(tenant);
        }
        String tenantId = tenant.tenantId();
        return blocking(() -> identities(tenant))
                .chain(done -> invite(tenantId, done))
                .chain(() -> transactions.acrossTenants(tx -> store.activateProvisioned(tx, tenantId)
                        .call(activated -> activated.map(active -> events.created(tx, active))
                                .orElse(Uni.createFrom().voidItem()))
                        .chain(activated -> activated.isPresent() ? Uni.createFrom().item(activated)
                                : store.find(tx, tenantId))))
                .map(Optional::orElseThrow)
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithUni(failure -> {
                    String reason = "Keycloak: " + failure.getMessage();
                    LOG.warnf("Provisioning of tenant %s stopped (%s); it is tried again later", tenantId, reason);
                    return transactions.acrossTenants(tx -> store.recordProvisioningError(tx, tenantId, reason)
                                    .chain(recorded -> recorded.isPresent() ? Uni.createFrom().item(recorded)
                                    : store.find(tx, tenantId)))
                            .map(Optional::orElseThrow);
                });
    }

    private record Identities(String organizationId, String adminId) {
    }

    private Identities identities(Tenant tenant) {
        String organizationId = directory.ensureOrganization(tenant.tenantId(), tenant.displayName());
        String adminId = directory.ensureAdmin(tenant.tenantId(), tenant.admin());
        directory.ensureMember(organizationId, adminId);
        return new Identities(organizationId, adminId);
    }

    /**
     * Sends the invitation once: the attempt that marks it sent (under the tenant's row lock) sends it; a concurrent
     * attempt finds it marked and does not. A failed sending takes the mark back, so a later attempt sends it.
     */
    private Uni<Void> invite(String tenantId, Identities identities) {
        return transactions.acrossTenants(tx -> store.claimInvitation(tx, tenantId, identities.organizationId(),
                        identities.adminId()))
                .chain(claimed -> !claimed ? Uni.createFrom().voidItem()
                        : blocking(() -> {
                            directory.sendInvitation(identities.adminId());
                            return true;
                        }).onFailure().call(() -> transactions.acrossTenants(tx -> store.unclaimInvitation(tx, tenantId)))
                        .replaceWithVoid());
    }

    /** Keycloak's admin client blocks: its calls run on a worker thread. */
    static <T> Uni<T> blocking(Supplier<T> call) {
        return Uni.createFrom().item(call).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
