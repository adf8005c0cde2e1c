package com.dominusleads.host.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Which Stripe customer each tenant is: the only way a webhook finds its tenant. */
@ApplicationScoped
public class StripeCustomerStore {

    private static final String FIND_CUSTOMER = "select customer_id from stripe_customer where tenant_id = $1";
    private static final String FIND_TENANT = "select tenant_id from stripe_customer where customer_id = $1";
    private static final String INSERT = """
            insert into stripe_customer (tenant_id, customer_id) values ($1, $2)
            on conflict (tenant_id) do nothing""";

    public Uni<Optional<String>> customerOf(SqlClient client, String tenantId) {
        return client.preparedQuery(FIND_CUSTOMER).execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Optional<String>> tenantOf(SqlClient client, String customerId) {
        return client.preparedQuery(FIND_TENANT).execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** Records the tenant's customer unless it has one already; the result is the one it has now. */
    public Uni<String> remember(SqlClient tx, String tenantId, String customerId) {
        return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, customerId))
                .chain(() -> customerOf(tx, tenantId)).map(Optional::orElseThrow);
    }
}
