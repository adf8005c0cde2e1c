package com.dominusleads.host.persistence;

import com.dominusleads.host.domain.PricedItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Stripe price id → the plan or credit pack it sells, active or not (an old price may still be billed). */
@ApplicationScoped
public class PriceCatalog {

    private static final String LOOKUP = """
            select stripe_price_id, 'PLAN' as kind, code, name, monthly_credits as credits from plan
             where stripe_price_id = any($1)
            union all
            select stripe_price_id, 'PACK', code, name, credits from credit_pack where stripe_price_id = any($1)""";

    public Uni<Map<String, PricedItem>> lookup(SqlClient client, Collection<String> priceIds) {
        if (priceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery(LOOKUP).execute(Tuple.of(priceIds.toArray(String[]::new))).map(rows -> {
            Map<String, PricedItem> items = new HashMap<>();
            rows.forEach(row -> items.put(row.getString("stripe_price_id"), new PricedItem(
                    row.getString("stripe_price_id"), PricedItem.Kind.valueOf(row.getString("kind")),
                    row.getString("code"), row.getString("name"), row.getLong("credits"))));
            return items;
        });
    }
}
