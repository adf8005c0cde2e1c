package com.dominusleads.leads.persistence;

import com.dominusleads.leads.domain.Company;
import com.dominusleads.leads.domain.Prelead;
import com.dominusleads.leads.domain.SelectionPicker;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A selection's pre-leads and the addresses they hold, written and read a whole page or selection at a time. */
@ApplicationScoped
public class PreleadStore {

    private static final String INSERT = """
            insert into prelead (tenant_id, cnpj, selection_id, position, company_name, snapshot, contactability)
            select $1, cnpj, $2, position, name, snapshot, score
            from unnest($3::text[], $4::int[], $5::text[], $6::jsonb[], $7::int[]) as p(cnpj, position, name, snapshot, score)""";
    private static final String INSERT_CONTACTS = """
            insert into prelead_contact (tenant_id, address, cnpj, kind)
            select $1, address, cnpj, kind from unnest($2::text[], $3::text[], $4::text[]) as c(address, cnpj, kind)""";
    private static final String PAGE = """
            select p.cnpj, p.position, p.snapshot, p.contactability, p.status, p.status_at,
                   coalesce((select jsonb_agg(jsonb_build_object('address', c.address, 'kind', c.kind) order by c.kind, c.address)
                             from prelead_contact c where c.tenant_id = p.tenant_id and c.cnpj = p.cnpj), '[]') as contacts
            from prelead p where p.tenant_id = $1 and p.selection_id = $2 and p.position > $3
            order by p.position limit $4""";
    private static final String REMOVE = """
            delete from prelead where tenant_id = $1 and selection_id = $2 and cnpj = any($3)""";
    private static final String KEEP_FIRST = """
            delete from prelead where tenant_id = $1 and selection_id = $2 and position > (
                select position from prelead where tenant_id = $1 and selection_id = $2
                order by position offset $3 - 1 limit 1)""";

    /** A pre-lead queued for outreach: what messaging needs to contact it. */
    public record Queued(String cnpj, String companyName, List<SelectionPicker.Contact> contacts) {
    }

    // Moves the selection's pre-leads to QUEUED and returns each with its contacts, in selection order.
    private static final String QUEUE = """
            with queued as (
                update prelead set status = 'QUEUED', status_at = clock_timestamp()
                where tenant_id = $1 and selection_id = $2 and status = 'SELECTED'
                returning cnpj, company_name, position)
            select q.cnpj, q.company_name,
                   coalesce(jsonb_agg(jsonb_build_object('address', c.address, 'kind', c.kind) order by c.address)
                            filter (where c.address is not null), '[]') as contacts
            from queued q left join prelead_contact c on c.tenant_id = $1 and c.cnpj = q.cnpj
            group by q.cnpj, q.company_name, q.position order by q.position""";
    // Progress from messaging-service's events; only pre-leads of a started selection move, and never backwards.
    private static final String CONTACTED = """
            update prelead set contacted_at = coalesce(contacted_at, $4), conversation_id = coalesce(conversation_id, $3),
                   status_at = case when status = 'QUEUED' then clock_timestamp() else status_at end,
                   status = case when status = 'QUEUED' then 'CONTACTED' else status end
            where tenant_id = $1 and cnpj = $2 and status <> 'SELECTED'""";
    private static final String REPLIED = """
            update prelead set replied_at = coalesce(replied_at, $4), contacted_at = coalesce(contacted_at, $4),
                   conversation_id = coalesce(conversation_id, $3),
                   status_at = case when status in ('QUEUED', 'CONTACTED') then clock_timestamp() else status_at end,
                   status = case when status in ('QUEUED', 'CONTACTED') then 'REPLIED' else status end
            where tenant_id = $1 and cnpj = $2 and status <> 'SELECTED'""";
    private static final String OPTED_OUT = """
            update prelead set status = 'OPTED_OUT', status_at = clock_timestamp()
            where tenant_id = $1 and cnpj = $2 and status not in ('SELECTED', 'QUALIFIED', 'OPTED_OUT')""";

    /** A pre-lead being qualified, as its outcome is decided: its status and the run it belongs to. */
    public record Tracked(String status, UUID selectionId, UUID runId) {
    }

    private static final String LOCK_ONE = """
            select p.status, p.selection_id, s.qualification_run_id from prelead p
            join selection s on s.tenant_id = p.tenant_id and s.id = p.selection_id
            where p.tenant_id = $1 and p.cnpj = $2 for update of p""";
    private static final String DECIDE = """
            update prelead set status = $3, status_at = clock_timestamp() where tenant_id = $1 and cnpj = $2""";

    /** Locks the tenant's pre-lead of that company for a decision; empty if the tenant never selected it. */
    public Uni<java.util.Optional<Tracked>> lock(SqlClient tx, String tenantId, String cnpj) {
        return tx.preparedQuery(LOCK_ONE).execute(Tuple.of(tenantId, cnpj)).map(rows -> {
            if (rows.size() == 0) {
                return java.util.Optional.empty();
            }
            Row row = rows.iterator().next();
            return java.util.Optional.of(new Tracked(row.getString("status"), row.getUUID("selection_id"),
                    row.getUUID("qualification_run_id")));
        });
    }

    public Uni<Void> decide(SqlClient tx, String tenantId, String cnpj, String status) {
        return tx.preparedQuery(DECIDE).execute(Tuple.of(tenantId, cnpj, status)).replaceWithVoid();
    }

    /** A pre-lead waiting for a human decision. */
    public record Waiting(String cnpj, String companyName, UUID selectionId, java.time.Instant since) {
    }

    private static final String WAITING = """
            select cnpj, company_name, selection_id, status_at from prelead
            where tenant_id = $1 and status = 'NEEDS_REVIEW'
              and ($2::timestamptz is null or (status_at, cnpj) > ($2, $3))
            order by status_at, cnpj limit $4""";

    /** The tenant's pre-leads in NEEDS_REVIEW, oldest first, after the cursor's (since, cnpj). */
    public Uni<List<Waiting>> waiting(SqlClient client, String tenantId, java.time.Instant afterSince, String afterCnpj,
                                      int limit) {
        return client.preparedQuery(WAITING).execute(Tuple.of(tenantId,
                afterSince == null ? null : afterSince.atOffset(java.time.ZoneOffset.UTC), afterCnpj, limit)).map(rows -> {
                    List<Waiting> waiting = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        waiting.add(new Waiting(row.getString("cnpj"), row.getString("company_name"),
                                row.getUUID("selection_id"), row.getOffsetDateTime("status_at").toInstant()));
                    }
                    return waiting;
                });
    }

    /** Queues every SELECTED pre-lead of the selection; returns them with their contacts. */
    public Uni<List<Queued>> queue(SqlClient tx, String tenantId, UUID selectionId) {
        return tx.preparedQuery(QUEUE).execute(Tuple.of(tenantId, selectionId)).map(rows -> {
            List<Queued> queued = new ArrayList<>(rows.size());
            for (Row row : rows) {
                queued.add(new Queued(row.getString("cnpj"), row.getString("company_name"), contacts(row)));
            }
            return queued;
        });
    }

    /** The company was sent its first message (in conversation {@code conversationId}). */
    public Uni<Void> contacted(SqlClient tx, String tenantId, String cnpj, String conversationId, java.time.OffsetDateTime at) {
        return tx.preparedQuery(CONTACTED).execute(Tuple.of(tenantId, cnpj, conversationId, at)).replaceWithVoid();
    }

    /** The company replied. */
    public Uni<Void> replied(SqlClient tx, String tenantId, String cnpj, String conversationId, java.time.OffsetDateTime at) {
        return tx.preparedQuery(REPLIED).execute(Tuple.of(tenantId, cnpj, conversationId, at)).replaceWithVoid();
    }

    /** The company (or one of its contacts) asked not to be contacted again. */
    public Uni<Void> optedOut(SqlClient tx, String tenantId, String cnpj) {
        return tx.preparedQuery(OPTED_OUT).execute(Tuple.of(tenantId, cnpj)).replaceWithVoid();
    }

    /** Writes the picks as the selection's pre-leads, in the given order, with their contacts. */
    public Uni<Void> insertAll(SqlClient tx, String tenantId, UUID selectionId, List<SelectionPicker.Pick> picks) {
        int count = picks.size();
        String[] cnpjs = new String[count];
        Integer[] positions = new Integer[count];
        String[] names = new String[count];
        JsonObject[] snapshots = new JsonObject[count];
        Integer[] scores = new Integer[count];
        List<String> addresses = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Company company = picks.get(i).company();
            cnpjs[i] = company.cnpj();
            positions[i] = i + 1;
            names[i] = company.name() == null ? company.cnpj() : company.name();
            snapshots[i] = JsonObject.mapFrom(company);
            scores[i] = company.contactability().score();
            for (SelectionPicker.Contact contact : picks.get(i).contacts()) {
                addresses.add(contact.address());
                owners.add(company.cnpj());
                kinds.add(contact.kind());
            }
        }
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addString(tenantId).addUUID(selectionId)
                        .addArrayOfString(cnpjs).addArrayOfInteger(positions).addArrayOfString(names)
                        .addArrayOfJsonObject(snapshots).addArrayOfInteger(scores))
                .chain(() -> tx.preparedQuery(INSERT_CONTACTS).execute(Tuple.tuple().addString(tenantId)
                        .addArrayOfString(addresses.toArray(String[]::new)).addArrayOfString(owners.toArray(String[]::new))
                        .addArrayOfString(kinds.toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Up to {@code limit} pre-leads of the selection after {@code afterPosition}, in order. */
    public Uni<List<Prelead>> page(SqlClient client, String tenantId, UUID selectionId, int afterPosition, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenantId, selectionId, afterPosition, limit)).map(rows -> {
            List<Prelead> preleads = new ArrayList<>(rows.size());
            for (Row row : rows) {
                preleads.add(new Prelead(row.getString("cnpj"), row.getInteger("position"),
                        row.getJsonObject("snapshot").mapTo(Company.class), row.getInteger("contactability"),
                        contacts(row), row.getString("status"), row.getOffsetDateTime("status_at").toInstant()));
            }
            return preleads;
        });
    }

    private static List<SelectionPicker.Contact> contacts(Row row) {
        List<SelectionPicker.Contact> contacts = new ArrayList<>();
        JsonArray listed = (JsonArray) row.getValue("contacts");
        for (int i = 0; i < listed.size(); i++) {
            JsonObject contact = listed.getJsonObject(i);
            contacts.add(new SelectionPicker.Contact(contact.getString("address"), contact.getString("kind")));
        }
        return contacts;
    }

    /** Takes the named companies out of the selection (their addresses go with them); returns how many were in it. */
    public Uni<Integer> remove(SqlClient tx, String tenantId, UUID selectionId, List<String> cnpjs) {
        return tx.preparedQuery(REMOVE).execute(Tuple.of(tenantId, selectionId, cnpjs.toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** Keeps the selection's first {@code keep} pre-leads; returns how many went. */
    public Uni<Integer> keepFirst(SqlClient tx, String tenantId, UUID selectionId, int keep) {
        return tx.preparedQuery(KEEP_FIRST).execute(Tuple.of(tenantId, selectionId, keep)).map(rows -> rows.rowCount());
    }
}
