package com.dominusleads.host.persistence;

import com.dominusleads.host.domain.NewPlan;
import com.dominusleads.host.domain.Plan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The plans on sale (platform-wide: the table has no tenant column and no row-level security). */
@ApplicationScoped
public class PlanStore {

    private static final String COLUMNS = """
            code, name, price_cents, currency, monthly_credits, max_users, messages_per_month, api_rate_per_second,
            stripe_product_id, stripe_price_id, active, created_at""";
    private static final String INSERT = """
            insert into plan (code, name, price_cents, currency, monthly_credits, max_users, messages_per_month,
                              api_rate_per_second, stripe_product_id, stripe_price_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (code) do nothing
            returning\s""" + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from plan where code = $1";
    private static final String EXISTS = "select exists (select 1 from plan where code = $1)";
    private static final String LIST = "select " + COLUMNS + " from plan where ($1::boolean is null or active = $1)"
            + " order by code";
    private static final String UPDATE = """
            update plan set name = coalesce($2, name), monthly_credits = coalesce($3, monthly_credits),
                            max_users = case when $4 then $5 else max_users end,
                            messages_per_month = case when $4 then $6 else messages_per_month end,
                            api_rate_per_second = case when $4 then $7 else api_rate_per_second end
            where code = $1 returning\s""" + COLUMNS;
    private static final String SET_ACTIVE = "update plan set active = $2 where code = $1 returning " + COLUMNS;

    /** The new plan, or empty when the code is taken. */
    public Uni<Optional<Plan>> insert(SqlClient tx, NewPlan plan, String stripeProductId, String stripePriceId) {
        Plan.Limits limits = plan.limits();
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(plan.code(), plan.name(), plan.priceCents(),
                        plan.currency(), plan.monthlyCredits(), limits.maxUsers(), limits.messagesPerMonth(),
                        limits.apiRatePerSecond(), stripeProductId, stripePriceId)))
                .map(PlanStore::first);
    }

    public Uni<Optional<Plan>> find(SqlClient client, String code) {
        return client.preparedQuery(FIND).execute(Tuple.of(code)).map(PlanStore::first);
    }

    /**
     * Whether a plan with this code exists, active or not (a tenant may stay on a plan no longer sold). For callers
     * that assign a plan to a tenant: an unknown code is the caller's mistake, not a foreign-key failure.
     */
    public Uni<Boolean> exists(SqlClient client, String code) {
        return client.preparedQuery(EXISTS).execute(Tuple.of(code)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Every plan in code order; {@code active} null: active and inactive ones. */
    public Uni<List<Plan>> list(SqlClient client, Boolean active) {
        return client.preparedQuery(LIST).execute(Tuple.of(active)).map(PlanStore::all);
    }

    /** Changes the name, the monthly credits and/or (all together) the limits; null: unchanged. */
    public Uni<Optional<Plan>> update(SqlClient tx, String code, String name, Long monthlyCredits, Plan.Limits limits) {
        boolean newLimits = limits != null;
        return tx.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(code, name, monthlyCredits, newLimits,
                        newLimits ? limits.maxUsers() : null, newLimits ? limits.messagesPerMonth() : null,
                        newLimits ? limits.apiRatePerSecond() : null)))
                .map(PlanStore::first);
    }

    public Uni<Optional<Plan>> setActive(SqlClient tx, String code, boolean active) {
        return tx.preparedQuery(SET_ACTIVE).execute(Tuple.of(code, active)).map(PlanStore::first);
    }

    private static Optional<Plan> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toPlan(rows.iterator().next()));
    }

    private static List<Plan> all(RowSet<Row> rows) {
        List<Plan> plans = new ArrayList<>();
        rows.forEach(row -> plans.add(toPlan(row)));
        return plans;
    }

    private static Plan toPlan(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new Plan(row.getString("code"), row.getString("name"), row.getLong("price_cents"),
                row.getString("currency"), row.getLong("monthly_credits"),
                new Plan.Limits(row.getInteger("max_users"), row.getInteger("messages_per_month"),
                        row.getInteger("api_rate_per_second")),
                row.getString("stripe_product_id"), row.getString("stripe_price_id"), row.getBoolean("active"),
                created == null ? null : created.toInstant());
    }
}
