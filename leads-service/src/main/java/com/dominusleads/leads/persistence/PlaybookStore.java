package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Playbook;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tenants' own playbooks (a tenant without one uses the defaults). */
@ApplicationScoped
public class PlaybookStore {

    private static final String FIND = "select rules from playbook where tenant_id = $1";
    private static final String SAVE = """
            insert into playbook (tenant_id, rules, updated_by) values ($1, $2, $3)
            on conflict (tenant_id) do update
            set rules = excluded.rules, updated_by = excluded.updated_by, updated_at = clock_timestamp()""";
    private static final String DELETE = "delete from playbook where tenant_id = $1";

    public Uni<Optional<Playbook>> of(SqlClient client, String tenantId) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            JsonArray stored = (JsonArray) rows.iterator().next().getValue(0);
            List<Playbook.Rule> rules = new ArrayList<>(stored.size());
            for (int i = 0; i < stored.size(); i++) {
                JsonObject rule = stored.getJsonObject(i);
                rules.add(new Playbook.Rule(rule.getString("phrase"), Playbook.Signal.valueOf(rule.getString("signal"))));
            }
            return Optional.of(new Playbook(List.copyOf(rules), true));
        });
    }

    public Uni<Void> save(SqlClient tx, String tenantId, List<Playbook.Rule> rules, String by) {
        JsonArray stored = new JsonArray();
        rules.forEach(rule -> stored.add(new JsonObject().put("phrase", rule.phrase().strip())
                .put("signal", rule.signal().name())));
        return tx.preparedQuery(SAVE).execute(Tuple.of(tenantId, stored, by)).replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient tx, String tenantId) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(tenantId)).replaceWithVoid();
    }
}
