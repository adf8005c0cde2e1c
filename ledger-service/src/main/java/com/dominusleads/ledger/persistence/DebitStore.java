package com.dominusleads.ledger.persistence;

import com.dominusleads.ledger.domain.Debit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Debits, one per (tenant, lead): the unique constraint is what makes a second debit for a lead impossible. */
@ApplicationScoped
public class DebitStore {

    private static final String COLUMNS = "id, tenant_id, lead_id, status, movement_id, reversal_id, requested_at, charged_at";
    private static final String INSERT_PENDING = """
            insert into debit (id, tenant_id, lead_id, event_id, status) values ($1, $2, $3, $4, 'PENDING')
            on conflict on constraint one_debit_per_lead do nothing returning id""";
    private static final String MARK_CHARGED = """
            update debit set status = 'CHARGED', movement_id = $2, charged_at = clock_timestamp()
            where id = $1 and status = 'PENDING'""";
    private static final String MARK_REVERSED = "update debit set reversal_id = $2 where id = $1 and reversal_id is null";
    private static final String OLDEST_PENDING = "select " + COLUMNS
            + " from debit where tenant_id = $1 and status = 'PENDING' order by seq limit $2";
    private static final String FIND = "select " + COLUMNS + " from debit where id = $1";
    private static final String COUNT_PENDING = "select count(*) from debit where tenant_id = $1 and status = 'PENDING'";

    /** Inserts a pending debit; empty if the lead already has one (a duplicate that must change nothing). */
    public Uni<Optional<UUID>> insertPending(SqlClient tx, String tenantId, String leadId, UUID eventId) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery(INSERT_PENDING).execute(Tuple.of(id, tenantId, leadId, eventId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(id));
    }

    public Uni<Void> markCharged(SqlClient tx, UUID debitId, UUID movementId) {
        return tx.preparedQuery(MARK_CHARGED).execute(Tuple.of(debitId, movementId)).map(rows -> {
            if (rows.rowCount() != 1) {
                throw new IllegalStateException("debit " + debitId + " was not pending");
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

    public Uni<Long> countPending(SqlClient client, String tenantId) {
        return client.preparedQuery(COUNT_PENDING).execute(Tuple.of(tenantId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Debit toDebit(Row row) {
        return new Debit(row.getUUID("id"), row.getString("tenant_id"), row.getString("lead_id"),
                Debit.DebitStatus.valueOf(row.getString("status")), row.getUUID("movement_id"),
                row.getUUID("reversal_id"), row.getOffsetDateTime("requested_at").toInstant(),
                row.getOffsetDateTime("charged_at") == null ? null
                        : row.getOffsetDateTime("charged_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }
}
