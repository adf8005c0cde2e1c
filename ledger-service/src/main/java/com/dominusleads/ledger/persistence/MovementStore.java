package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.MovementKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** The journal: movements and their balanced entries, append-only (the database refuses updates and deletes). */
@ApplicationScoped
public class MovementStore {

    /** One side of a movement: {@code amount} on {@code accountId}, and the tenant balance it leaves (or null). */
    public record Entry(String accountId, long amount, Long balanceAfter) {
    }

    private static final String INSERT_MOVEMENT = """
            insert into movement (id, tenant_id, kind, reference, reason, actor, reverses)
            values ($1, $2, $3, $4, $5, $6, $7)""";
    // Both entries in one statement: a movement is written whole or not at all, and sums to zero by construction.
    private static final String INSERT_ENTRY_PAIR = """
            insert into entry (movement_id, account_id, amount, balance_after)
            values ($1, $2, $3, $4), ($1, $5, $6, $7)""";
    private static final String FIND_GRANT = """
            select id from movement where tenant_id = $1 and reference = $2 and kind = 'GRANT'""";

    /** Records a movement of {@code credits} from {@code from} to {@code to}; returns its id. */
    public Uni<UUID> record(SqlClient tx, String tenantId, MovementKind kind, String reference, String reason,
                            String actor, UUID reverses, Entry from, Entry to) {
        if (from.amount() != -to.amount() || to.amount() <= 0) {
            throw new IllegalArgumentException("entries must move a positive amount: " + from + " / " + to);
        }
        UUID id = UUID.randomUUID();
        return tx.preparedQuery(INSERT_MOVEMENT)
                .execute(Tuple.from(Arrays.asList(id, tenantId, kind.name(), reference, reason, actor, reverses)))
                .chain(() -> tx.preparedQuery(INSERT_ENTRY_PAIR).execute(Tuple.from(Arrays.asList(id,
                        from.accountId(), from.amount(), from.balanceAfter(),
                        to.accountId(), to.amount(), to.balanceAfter()))))
                .replaceWith(id);
    }

    public Uni<Optional<UUID>> findGrant(SqlClient client, String tenantId, String grantId) {
        return client.preparedQuery(FIND_GRANT).execute(Tuple.of(tenantId, grantId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }
}
