package com.dominusleads.host.domain;

import com.dominusleads.host.client.KeycloakDirectory;
import com.dominusleads.host.persistence.TenantStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The background half of the tenant lifecycle: finishes provisionings that stopped half-way (Keycloak was down),
 * and purges closed tenants whose retention ended (their Keycloak organization and users are deleted, the admin's
 * personal data forgotten; the id stays taken, and billing records stay for the fiscal retention).
 */
@ApplicationScoped
public class TenantMaintenance {

    private static final Logger LOG = Logger.getLogger(TenantMaintenance.class);
    private static final int BATCH = 50;

    private final TenantTransactions transactions;
    private final TenantStore store;
    private final TenantProvisioning provisioning;
    private final KeycloakDirectory directory;

    public TenantMaintenance(TenantTransactions transactions, TenantStore store, TenantProvisioning provisioning,
                             KeycloakDirectory directory) {
        this.transactions = transactions;
        this.store = store;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    @Scheduled(every = "${dominus.host.provisioning-retry}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> finishProvisioning() {
        // Only tenants idle for a while: a request provisioning one right now is not raced.
        return transactions.acrossTenants(tx -> store.toProvision(tx, Instant.now().minusSeconds(30), BATCH))
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> provisioning.provision(tenant)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Provisioning of tenant %s cannot finish: %s", tenant.tenantId(),
                                    failure.getMessage());
                            return tenant;
                        }))
                .collect().last().replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeClosed() {
        return transactions.acrossTenants(tx -> store.toPurge(tx, BATCH))
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> TenantProvisioning.blocking(() -> {
                            directory.deleteIdentities(tenant.tenantId());
                            return tenant;
                        })
                        .chain(() -> transactions.acrossTenants(tx -> store.markPurged(tx, tenant.tenantId())))
                        .invoke(() -> LOG.infof("Tenant %s purged (retention ended %s)", tenant.tenantId(),
                                tenant.purgeAfter()))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Purging tenant %s failed (%s); tried again at the next run", tenant.tenantId(),
                                    failure.getMessage());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }
}
