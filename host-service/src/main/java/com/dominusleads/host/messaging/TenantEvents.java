package com.dominusleads.host.messaging;

import com.dominusleads.events.tenant.TenantCreated;
import com.dominusleads.events.tenant.TenantUpdated;
import com.dominusleads.host.domain.Tenant;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * {@code tenant.created} and {@code tenant.updated}, written to the outbox in the transaction of the change. Both
 * carry the tenant's whole state, so the latest event of a tenant is all a consumer needs (the topics are compacted).
 */
@ApplicationScoped
public class TenantEvents {

    private final OutboxWriter outbox;

    public TenantEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    private static final String API_RATE = "select api_rate_per_second from plan where code = $1";

    /** The tenant became usable (its organization and first admin exist). */
    public Uni<Void> created(SqlClient tx, Tenant tenant) {
        return apiRate(tx, tenant).chain(apiRatePerSecond -> outbox.append(tx, TenantCreated.newBuilder()
                .setTenantId(tenant.tenantId())
                .setSlug(tenant.tenantId())
                .setDisplayName(tenant.displayName())
                .setPlanCode(tenant.planCode())
                .setApiRatePerSecond(apiRatePerSecond)
                .setVersion(tenant.version())
                .setOccurredAt(Instant.now())
                .build())).replaceWithVoid();
    }

    /** The tenant's name, plan, status or limits changed. */
    public Uni<Void> updated(SqlClient tx, Tenant tenant) {
        return apiRate(tx, tenant).chain(apiRatePerSecond -> outbox.append(tx, TenantUpdated.newBuilder()
                .setTenantId(tenant.tenantId())
                .setSlug(tenant.tenantId())
                .setDisplayName(tenant.displayName())
                .setPlanCode(tenant.planCode())
                .setStatus(tenant.status().name())
                .setApiRatePerSecond(apiRatePerSecond)
                .setVersion(tenant.version())
                .setOccurredAt(Instant.now())
                .build())).replaceWithVoid();
    }

    /** The API rate of the tenant's plan; null without a plan (services apply the suite's default). */
    private static Uni<Integer> apiRate(SqlClient tx, Tenant tenant) {
        if (tenant.planCode() == null) {
            return Uni.createFrom().nullItem();
        }
        return tx.preparedQuery(API_RATE).execute(Tuple.of(tenant.planCode()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger(0));
    }
}
