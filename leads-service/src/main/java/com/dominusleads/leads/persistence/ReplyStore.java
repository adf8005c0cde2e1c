package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Reply;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Companies' replies with the outcome each was classified as. */
@ApplicationScoped
public class ReplyStore {

    private static final String INSERT = """
            insert into reply (tenant_id, message_id, cnpj, conversation_id, channel, sender, text, received_at, outcome,
                               matched)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (tenant_id, message_id) do nothing""";
    private static final String OF_COMPANIES = """
            select message_id, cnpj, conversation_id, channel, sender, text, received_at, outcome, matched from reply
            where tenant_id = $1 and cnpj = any($2) order by received_at, message_id""";

    /** Records a reply; false if it was recorded before (the same inbound message). */
    public Uni<Boolean> insert(SqlClient tx, String tenantId, Reply reply) {
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addString(tenantId).addString(reply.messageId())
                        .addString(reply.cnpj()).addString(reply.conversationId()).addString(reply.channel())
                        .addString(reply.sender()).addString(reply.text())
                        .addOffsetDateTime(reply.receivedAt().atOffset(ZoneOffset.UTC)).addString(reply.outcome())
                        .addArrayOfString(reply.matched().toArray(String[]::new)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The replies of these companies, oldest first. */
    public Uni<List<Reply>> ofCompanies(SqlClient client, String tenantId, List<String> cnpjs) {
        return client.preparedQuery(OF_COMPANIES).execute(Tuple.of(tenantId, cnpjs.toArray(String[]::new))).map(rows -> {
            List<Reply> replies = new ArrayList<>(rows.size());
            for (Row row : rows) {
                replies.add(new Reply(row.getString("message_id"), row.getString("cnpj"),
                        row.getString("conversation_id"), row.getString("channel"), row.getString("sender"),
                        row.getString("text"), row.getOffsetDateTime("received_at").toInstant(),
                        row.getString("outcome"), Arrays.asList(row.getArrayOfStrings("matched"))));
            }
            return replies;
        });
    }
}
