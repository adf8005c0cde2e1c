package com.dominusleads.host.persistence;

import com.dominusleads.host.domain.CreditPack;
import com.dominusleads.host.domain.NewCreditPack;
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

/** The credit packs on sale (platform-wide: no tenant column, no row-level security). */
@ApplicationScoped
public class CreditPackStore {

    private static final String COLUMNS = """
            code, name, credits, price_cents, currency, stripe_product_id, stripe_price_id, active, created_at""";
    private static final String INSERT = """
            insert into credit_pack (code, name, credits, price_cents, currency, stripe_product_id, stripe_price_id)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (code) do nothing
            returning\s""" + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from credit_pack where code = $1";
    private static final String LIST = "select " + COLUMNS
            + " from credit_pack where ($1::boolean is null or active = $1) order by code";
    private static final String UPDATE = """
            update credit_pack set name = coalesce($2, name), credits = coalesce($3, credits)
            where code = $1 returning\s""" + COLUMNS;
    private static final String SET_ACTIVE = "update credit_pack set active = $2 where code = $1 returning " + COLUMNS;

    /** The new pack, or empty when the code is taken. */
    public Uni<Optional<CreditPack>> insert(SqlClient tx, NewCreditPack pack, String stripeProductId,
                                            String stripePriceId) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(pack.code(), pack.name(), pack.credits(),
                        pack.priceCents(), pack.currency(), stripeProductId, stripePriceId)))
                .map(CreditPackStore::first);
    }

    public Uni<Optional<CreditPack>> find(SqlClient client, String code) {
        return client.preparedQuery(FIND).execute(Tuple.of(code)).map(CreditPackStore::first);
    }

    /** Every pack in code order; {@code active} null: active and inactive ones. */
    public Uni<List<CreditPack>> list(SqlClient client, Boolean active) {
        return client.preparedQuery(LIST).execute(Tuple.of(active)).map(CreditPackStore::all);
    }

    /** Renames the pack and/or changes its credits (null: unchanged). */
    public Uni<Optional<CreditPack>> update(SqlClient tx, String code, String name, Long credits) {
        return tx.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(code, name, credits)))
                .map(CreditPackStore::first);
    }

    public Uni<Optional<CreditPack>> setActive(SqlClient tx, String code, boolean active) {
        return tx.preparedQuery(SET_ACTIVE).execute(Tuple.of(code, active)).map(CreditPackStore::first);
    }

    private static Optional<CreditPack> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toPack(rows.iterator().next()));
    }

    private static List<CreditPack> all(RowSet<Row> rows) {
        List<CreditPack> packs = new ArrayList<>();
        rows.forEach(row -> packs.add(toPack(row)));
        return packs;
    }

    private static CreditPack toPack(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new CreditPack(row.getString("code"), row.getString("name"), row.getLong("credits"),
                row.getLong("price_cents"), row.getString("currency"), row.getString("stripe_product_id"),
                row.getString("stripe_price_id"), row.getBoolean("active"),
                created == null ? null : created.toInstant());
    }
}
