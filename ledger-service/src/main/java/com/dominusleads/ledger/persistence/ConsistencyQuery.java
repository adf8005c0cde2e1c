package com.dominusleads.ledger.persistence;

import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code sql/consistency.sql}, the published check of the ledger's invariants, in one snapshot. */
@ApplicationScoped
public class ConsistencyQuery {

    /** One broken invariant: which, where, the value recorded and the value computed from the entries. */
    public record Violation(String violation, String subject, long recorded, long computed) {
    }

    /** What the ledger holds, counted in the same snapshot as the check. */
    public record Totals(long tenantAccounts, long entries, long sumOfAllEntries, long chargedDebits, long pendingDebits) {
    }

    public record Report(Totals totals, List<Violation> violations) {
    }

    private static final String SQL = load();
    private static final String TOTALS = """
            select (select count(*) from account where kind = 'TENANT'),
                   (select count(*) from entry),
                   (select coalesce(sum(amount), 0) from entry),
                   (select count(*) from debit where status = 'CHARGED'),
                   (select count(*) from debit where status = 'PENDING')""";

    private final Pool pool;

    public ConsistencyQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<Report> run() {
        // Repeatable read: the totals and every invariant see the same committed state, of every tenant.
        return pool.withTransaction(tx -> tx.query("set transaction isolation level repeatable read read only").execute()
                .chain(() -> TenantTransactions.enterAllTenants(tx))
                .chain(() -> tx.query(TOTALS).execute())
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Totals(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
                })
                .chain(totals -> tx.query(SQL).execute().map(rows -> {
                    List<Violation> violations = new ArrayList<>();
                    rows.forEach(row -> violations.add(new Violation(row.getString(0), row.getString(1),
                            row.getLong(2), row.getLong(3))));
                    return new Report(totals, violations);
                })));
    }

    private static String load() {
        try (InputStream in = ConsistencyQuery.class.getResourceAsStream("/sql/consistency.sql")) {
            if (in == null) {
                throw new IllegalStateException("sql/consistency.sql is missing from the service");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
