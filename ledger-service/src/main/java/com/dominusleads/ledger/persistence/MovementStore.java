package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.Movement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The journal: movements and their balanced entries, append-only (the database refuses updates and deletes). */
@ApplicationScoped
public class MovementStore {

    // Many movements in two statements, whatever their number; entries keep the given order (their ids, and so the
    // running balances of the consistency check, follow it).
    private static final String INSERT_MOVEMENTS = """
            insert into movement (id, tenant_id, kind, reference, reason, actor, reverses)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[])""";
    private static final String INSERT_ENTRIES = """
            insert into entry (movement_id, account_id, amount, balance_after, tenant_id)
            select movement_id, account_id, amount, balance_after, tenant_id
            from unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[], $5::text[])
                 with ordinality as e(movement_id, account_id, amount, balance_after, tenant_id, position)
            order by position""";
    private static final String FIND_GRANT = """
            select id from movement where tenant_id = $1 and reference = $2 and kind = 'GRANT'""";

    /** Records {@code movements}, in this order, with their entries. */
    public Uni<Void> record(SqlClient tx, List<Movement> movements) {
        if (movements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int count = movements.size();
        UUID[] ids = new UUID[count];
        String[] tenants = new String[count];
        String[] kinds = new String[count];
        String[] references = new String[count];
        String[] reasons = new String[count];
        String[] actors = new String[count];
        UUID[] reverses = new UUID[count];
        List<UUID> entryMovements = new ArrayList<>(2 * count);
        List<String> entryAccounts = new ArrayList<>(2 * count);
        List<Long> entryAmounts = new ArrayList<>(2 * count);
        List<Long> entryBalances = new ArrayList<>(2 * count);
        List<String> entryTenants = new ArrayList<>(2 * count);
        for (int i = 0; i < count; i++) {
            Movement movement = movements.get(i);
            ids[i] = movement.id();
            tenants[i] = movement.tenantId();
            kinds[i] = movement.kind().name();
            references[i] = movement.reference();
            reasons[i] = movement.reason();
            actors[i] = movement.actor();
            reverses[i] = movement.reverses();
            for (Movement.Entry entry : List.of(movement.from(), movement.to())) {
                entryMovements.add(movement.id());
                entryAccounts.add(entry.accountId());
                entryAmounts.add(entry.amount());
                entryBalances.add(entry.balanceAfter());
                entryTenants.add(movement.tenantId());
            }
        }
        return tx.preparedQuery(INSERT_MOVEMENTS)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(tenants).addArrayOfString(kinds)
                        .addArrayOfString(references).addArrayOfString(reasons).addArrayOfString(actors)
                        .addArrayOfUUID(reverses))
                .chain(() -> tx.preparedQuery(INSERT_ENTRIES).execute(Tuple.tuple()
                        .addArrayOfUUID(entryMovements.toArray(UUID[]::new))
                        .addArrayOfString(entryAccounts.toArray(String[]::new))
                        .addArrayOfLong(entryAmounts.toArray(Long[]::new))
                        .addArrayOfLong(entryBalances.toArray(Long[]::new))
                        .addArrayOfString(entryTenants.toArray(String[]::new))))
                .replaceWithVoid();
    }

    public Uni<Optional<UUID>> findGrant(SqlClient client, String tenantId, String grantId) {
        return client.preparedQuery(FIND_GRANT).execute(Tuple.of(tenantId, grantId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }
}
