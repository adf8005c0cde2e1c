package com.dominusleads.leads.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** The tenant's contacts that opted out, as messaging-service reported them. */
@ApplicationScoped
public class SuppressedContactStore {

    // A second opt-out of the same address keeps the first date, and fills in the company if the first had none.
    private static final String ADD = """
            insert into suppressed_contact (tenant_id, address, channel, cnpj, opted_out_at) values ($1, $2, $3, $4, $5)
            on conflict (tenant_id, address) do update set cnpj = coalesce(suppressed_contact.cnpj, excluded.cnpj)""";

    public Uni<Void> add(SqlClient tx, String tenantId, String address, String channel, String cnpj,
                         OffsetDateTime at) {
        return tx.preparedQuery(ADD).execute(Tuple.of(tenantId, address, channel, cnpj, at)).replaceWithVoid();
    }
}
