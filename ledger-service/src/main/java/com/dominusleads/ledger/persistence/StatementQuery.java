package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.MovementKind;
import com.dominusleads.ledger.domain.TenantAccount;
import io.smallrye.mutiny.Uni;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's statement: the entries of its credit account, newest first, with keyset pagination (the next page starts
 * below the last entry id seen, so pages stay stable while new entries arrive and cost the same at any depth).
 */
@ApplicationScoped
public class StatementQuery {

    public record Line(long entryId, UUID movementId, MovementKind kind, long amount, long balanceAfter,
                       String reference, String reason, String actor, Instant at) {
    }

    /** Optional filters; {@code before} is the entry id the page starts below (null for the first page). */
    public record Filter(MovementKind kind, Instant from, Instant to, Long before, int limit) {
    }

    private static final String PAGE = """
            select e.id, e.amount, e.balance_after, e.created_at, m.id as movement_id, m.kind, m.reference, m.reason,
                   m.actor
            from entry e join movement m on m.id = e.movement_id
            where e.account_id = $1
              and ($2::text is null or m.kind = $2)
              and ($3::timestamptz is null or e.created_at >= $3)
              and ($4::timestamptz is null or e.created_at < $4)
              and ($5::bigint is null or e.id < $5)
            order by e.id desc
            limit $6""";

    private final TenantTransactions transactions;

    public StatementQuery(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Up to {@code filter.limit()} lines; one more is fetched to know whether a next page exists. */
    public Uni<List<Line>> page(String tenantId, Filter filter) {
        return transactions.forTenant(tenantId, tx -> tx.preparedQuery(PAGE)
                        .execute(Tuple.from(Arrays.asList(TenantAccount.accountId(tenantId),
                                filter.kind() == null ? null : filter.kind().name(), utc(filter.from()),
                                utc(filter.to()), filter.before(), filter.limit() + 1))))
                .map(rows -> {
                    List<Line> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(new Line(row.getLong("id"), row.getUUID("movement_id"),
                            MovementKind.valueOf(row.getString("kind")), row.getLong("amount"),
                            row.getLong("balance_after"), row.getString("reference"), row.getString("reason"),
                            row.getString("actor"), row.getOffsetDateTime("created_at").toInstant())));
                    return lines;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
