package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.Debit;
import com.dominusleads.ledger.domain.QualifiedLead;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Debits, one per (tenant, lead): the unique constraint is what makes a second debit for a lead impossible. */
@ApplicationScoped
public class DebitStore {

    private static final String COLUMNS = "id, tenant_id, lead_id, status, movement_id, reversal_id";
    // Rows go in the given order, so that seq (the settlement order) follows the order the leads were qualified in.
    private static final String INSERT_PENDING = """
            insert into debit (id, tenant_id, lead_id, event_id, status)
            select id, $2, lead_id, event_id, 'PENDING'
            from unnest($1::uuid[], $3::text[], $4::uuid[]) with ordinality as d(id, lead_id, event_id, position)
            order by position
            on conflict on constraint one_debit_per_lead do nothing
            returning id, lead_id, seq""";
    private static final String MARK_CHARGED = """
            update debit set status = 'CHARGED', movement_id = paid.movement_id, charged_at = clock_timestamp()
            from unnest($1::uuid[], $2::uuid[]) as paid(debit_id, movement_id)
            where debit.id = paid.debit_id and debit.status = 'PENDING'""";
    private static final String MARK_REVERSED = "update debit set reversal_id = $2 where id = $1 and reversal_id is null";
    private static final String OLDEST_PENDING = "select " + COLUMNS
            + " from debit where tenant_id = $1 and status = 'PENDING' order by seq limit $2";
    private static final String FIND = "select " + COLUMNS + " from debit where id = $1";

    /**
     * Inserts a pending debit for each lead that has none; returns the new ones in arrival order. A lead that already
     * has a debit (a duplicate, which must change nothing) is left out.
     */
    public Uni<List<Debit>> insertPending(SqlClient tx, String tenantId, List<QualifiedLead> leads) {
        UUID[] ids = new UUID[leads.size()];
        String[] leadIds = new String[leads.size()];
        UUID[] eventIds = new UUID[leads.size()];
        for (int i = 0; i < leads.size(); i++) {
            ids[i] = UUID.randomUUID();
            leadIds[i] = leads.get(i).leadId();
            eventIds[i] = leads.get(i).eventId();
        }
        return tx.preparedQuery(INSERT_PENDING)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addString(tenantId).addArrayOfString(leadIds)
                        .addArrayOfUUID(eventIds))
                .map(rows -> {
                    List<Row> inserted = new ArrayList<>();
                    rows.forEach(inserted::add);
                    inserted.sort(Comparator.comparingLong(row -> row.getLong("seq")));
                    return inserted.stream().map(row -> new Debit(row.getUUID("id"), tenantId,
                            row.getString("lead_id"), Debit.DebitStatus.PENDING, null, null)).toList();
                });
    }

    /** Marks pending debits charged by their movements (debit id → movement id). */
    public Uni<Void> markCharged(SqlClient tx, Map<UUID, UUID> movementByDebit) {
        return tx.preparedQuery(MARK_CHARGED).execute(Tuple.tuple()
                        .addArrayOfUUID(movementByDebit.keySet().toArray(UUID[]::new))
                        .addArrayOfUUID(movementByDebit.values().toArray(UUID[]::new)))
                .map(rows -> {
                    if (rows.rowCount() != movementByDebit.size()) {
                        throw new IllegalStateException("only " + rows.rowCount() + " of " + movementByDebit.size()
                                + " debits were pending");
                    }
                    return null;
                });
    }

    public Uni<Void> markReversed(SqlClient tx, UUID debitId, UUID reversalId) {
        return tx.preparedQuery(MARK_REVERSED).execute(Tuple.of(debitId, reversalId)).replaceWithVoid();
    }

    /** A tenant's pending debits, oldest first. Call with the tenant's account locked. */
    public Uni<List<Debit>> oldestPending(SqlClient tx, String tenantId, long limit) {
        return tx.preparedQuery(OLDEST_PENDING).execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<Debit> debits = new ArrayList<>();
            rows.forEach(row -> debits.add(toDebit(row)));
            return debits;
        });
    }

    public Uni<Optional<Debit>> find(SqlClient client, UUID debitId) {
        return client.preparedQuery(FIND).execute(Tuple.of(debitId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toDebit(rows.iterator().next())));
    }

    private static Debit toDebit(Row row) {
        return new Debit(row.getUUID("id"), row.getString("tenant_id"), row.getString("lead_id"),
                Debit.DebitStatus.valueOf(row.getString("status")), row.getUUID("movement_id"),
                row.getUUID("reversal_id"));
    }
}
