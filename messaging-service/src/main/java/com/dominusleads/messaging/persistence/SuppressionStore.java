package com.dominusleads.messaging.persistence;

import com.dominusleads.messaging.domain.Suppression;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The suppression list: a tenant's contacts who opted out (or were added by hand) and the platform-wide list
 * ({@value Suppression#PLATFORM}), which every tenant honours.
 */
@ApplicationScoped
public class SuppressionStore {

    static final String COLUMNS = "tenant_id, address, cnpj, source, channel, reason, created_at";

    /**
     * Which of these tenants' addresses and companies are suppressed, as keys {@code tenant + "|" + address} and
     * {@code tenant + "|" + cnpj} (a platform-wide address is returned for every tenant asked about).
     */
    public Uni<java.util.Set<String>> suppressedAmong(SqlClient tx, List<String> tenantIds, List<String> addresses,
                                                      List<String> cnpjs) {
        return tx.preparedQuery("select t.tenant_id, s.address, s.cnpj from unnest($1::text[]) as t(tenant_id)"
                        + " join suppression s on (s.tenant_id = t.tenant_id or s.tenant_id = '" + Suppression.PLATFORM
                        + "') and (s.address = any($2) or (s.tenant_id = t.tenant_id and s.cnpj = any($3)))")
                .execute(Tuple.of(tenantIds.toArray(String[]::new), addresses.toArray(String[]::new),
                        cnpjs.toArray(String[]::new)))
                .map(rows -> {
                    java.util.Set<String> keys = new java.util.HashSet<>();
                    for (Row row : rows) {
                        keys.add(row.getString(0) + "|" + row.getString(1));
                        if (row.getString(2) != null) {
                            keys.add(row.getString(0) + "|" + row.getString(2));
                        }
                    }
                    return keys;
                });
    }

    /**
     * Adds {@code suppression}; true when it is new (an opt-out repeated changes nothing and says so). The contact's
     * own opt-out replaces an entry made by hand, which a user could otherwise remove and so lose the opt-out.
     */
    public Uni<Boolean> add(SqlClient tx, Suppression suppression) {
        return tx.preparedQuery("insert into suppression (tenant_id, address, cnpj, source, channel, reason)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, address) do update"
                        + " set source = excluded.source, channel = excluded.channel, reason = excluded.reason,"
                        + " cnpj = coalesce(excluded.cnpj, suppression.cnpj), created_at = now()"
                        + " where excluded.source = '" + Suppression.OPT_OUT + "' and suppression.source <> '"
                        + Suppression.OPT_OUT + "'")
                .execute(Tuple.from(Arrays.asList(suppression.tenantId(), suppression.address(), suppression.cnpj(),
                        suppression.source(), suppression.channel(), suppression.reason())))
                .map(rows -> rows.rowCount() > 0);
    }

    /** How {@code address} came onto {@code tenantId}'s list (OPT_OUT, MANUAL, PLATFORM), if it is on it. */
    public Uni<java.util.Optional<String>> source(SqlClient tx, String tenantId, String address) {
        return tx.preparedQuery("select source from suppression where tenant_id = $1 and address = $2")
                .execute(Tuple.of(tenantId, address))
                .map(rows -> ChannelStore.first(rows).map(row -> row.getString(0)));
    }

    public Uni<Boolean> remove(SqlClient tx, String tenantId, String address) {
        return tx.preparedQuery("delete from suppression where tenant_id = $1 and address = $2")
                .execute(Tuple.of(tenantId, address)).map(rows -> rows.rowCount() > 0);
    }

    /** A page of {@code tenantId}'s list in address order, after {@code after} (keyset). */
    public Uni<List<Suppression>> list(SqlClient tx, String tenantId, String after, int limit) {
        return tx.preparedQuery("select " + COLUMNS + " from suppression where tenant_id = $1 and address > $2"
                        + " order by address limit $3")
                .execute(Tuple.of(tenantId, after == null ? "" : after, limit))
                .map(rows -> ChannelStore.map(rows, SuppressionStore::toSuppression));
    }

    private static Suppression toSuppression(Row row) {
        return new Suppression(row.getString("tenant_id"), row.getString("address"), row.getString("cnpj"),
                row.getString("source"), row.getString("channel"), row.getString("reason"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
