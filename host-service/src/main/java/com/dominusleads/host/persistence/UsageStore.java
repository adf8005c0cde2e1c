package com.dominusleads.host.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Credits consumed per tenant and day. */
@ApplicationScoped
public class UsageStore {

    /** Credits to add to one tenant's day. */
    public record Increment(String tenantId, LocalDate day, long credits) {
    }

    private static final String ADD = """
            insert into usage_daily (tenant_id, day, credits)
            select * from unnest($1::text[], $2::date[], $3::bigint[])
            on conflict (tenant_id, day) do update set credits = usage_daily.credits + excluded.credits""";
    private static final String DAYS = """
            select day, credits from usage_daily where tenant_id = $1 and day between $2 and $3 order by day""";
    private static final String TOTAL = """
            select coalesce(sum(credits), 0) from usage_daily where tenant_id = $1 and day between $2 and $3""";

    /**
     * Adds the increments in one statement. They must name each (tenant, day) once, and in a fixed order so that two
     * consumers updating the same days lock them in the same order.
     */
    public Uni<Void> add(SqlClient tx, List<Increment> increments) {
        if (increments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(ADD).execute(Tuple.of(
                        increments.stream().map(Increment::tenantId).toArray(String[]::new),
                        increments.stream().map(Increment::day).toArray(LocalDate[]::new),
                        increments.stream().map(Increment::credits).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** The tenant's days with usage between {@code from} and {@code to} (inclusive). */
    public Uni<Map<LocalDate, Long>> days(SqlClient client, String tenantId, LocalDate from, LocalDate to) {
        return client.preparedQuery(DAYS).execute(Tuple.of(tenantId, from, to)).map(rows -> {
            Map<LocalDate, Long> days = new TreeMap<>();
            rows.forEach(row -> days.put(row.getLocalDate("day"), row.getLong("credits")));
            return days;
        });
    }

    public Uni<Long> total(SqlClient client, String tenantId, LocalDate from, LocalDate to) {
        return client.preparedQuery(TOTAL).execute(Tuple.of(tenantId, from, to))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
