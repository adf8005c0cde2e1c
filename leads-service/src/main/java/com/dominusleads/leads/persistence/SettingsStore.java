package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.QualificationSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's qualification settings; the defaults for a tenant that never changed them. */
@ApplicationScoped
public class SettingsStore {

    private static final String FIND = """
            select balance_policy, expected_qualified_percent, no_answer_days from lead_settings where tenant_id = $1""";
    private static final String SAVE = """
            insert into lead_settings (tenant_id, balance_policy, expected_qualified_percent, no_answer_days, updated_by)
            values ($1, $2, $3, $4, $5)
            on conflict (tenant_id) do update set balance_policy = excluded.balance_policy,
                expected_qualified_percent = excluded.expected_qualified_percent,
                no_answer_days = excluded.no_answer_days, updated_by = excluded.updated_by,
                updated_at = clock_timestamp()""";

    public Uni<QualificationSettings> of(SqlClient client, String tenantId) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId)).map(rows -> {
            if (rows.size() == 0) {
                return QualificationSettings.DEFAULTS;
            }
            Row row = rows.iterator().next();
            return new QualificationSettings(QualificationSettings.BalancePolicy.valueOf(row.getString(0)),
                    row.getInteger(1), row.getInteger(2));
        });
    }

    public Uni<Void> save(SqlClient tx, String tenantId, QualificationSettings settings, String by) {
        return tx.preparedQuery(SAVE).execute(Tuple.of(tenantId, settings.balancePolicy().name(),
                settings.expectedQualifiedPercent(), settings.noAnswerDays(), by)).replaceWithVoid();
    }
}
