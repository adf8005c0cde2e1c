package com.dominusleads.host.persistence;

import com.dominusleads.host.domain.NewTenant;
import com.dominusleads.host.domain.Tenant;
import com.dominusleads.host.domain.TenantStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The tenant registry. Every change bumps {@code version} and {@code updated_at}. */
@ApplicationScoped
public class TenantStore {

    private static final String COLUMNS = """
            tenant_id, display_name, plan_code, status, status_reason, admin_email, admin_first_name, admin_last_name,
            keycloak_org_id, keycloak_admin_id, invitation_sent_at, provisioning_error, created_at, updated_at,
            closed_at, purge_after, purged_at, version""";
    private static final String INSERT = """
            insert into tenant (tenant_id, display_name, plan_code, status, admin_email, admin_first_name, admin_last_name)
            values ($1, $2, $3, 'PROVISIONING', $4, $5, $6)
            on conflict (tenant_id) do nothing
            returning\s""" + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from tenant where tenant_id = $1";
    private static final String LIST = "select " + COLUMNS + " from tenant"
            + " where ($1::text is null or status = $1) and ($2::text is null or tenant_id > $2)"
            + " order by tenant_id limit $3";
    private static final String PROVISIONING_ERROR = """
            update tenant set provisioning_error = $2, updated_at = now(), version = version + 1
            where tenant_id = $1 and status = 'PROVISIONING'
            returning\s""" + COLUMNS;
    // The row lock serialises concurrent provisionings: only the one that finds no mark sets it and sends.
    private static final String CLAIM_INVITATION = """
            with before as (select invitation_sent_at from tenant where tenant_id = $1 and status = 'PROVISIONING'
                            for update)
            update tenant set keycloak_org_id = $2, keycloak_admin_id = $3,
                              invitation_sent_at = coalesce(tenant.invitation_sent_at, now()),
                              updated_at = now(), version = version + 1
            from before where tenant.tenant_id = $1
            returning before.invitation_sent_at is null as claimed""";
    private static final String UNCLAIM_INVITATION = """
            update tenant set invitation_sent_at = null, updated_at = now(), version = version + 1
            where tenant_id = $1 and status = 'PROVISIONING'""";
    private static final String ACTIVATE_PROVISIONED = """
            update tenant set status = 'ACTIVE', provisioning_error = null, updated_at = now(), version = version + 1
            where tenant_id = $1 and status = 'PROVISIONING'
            returning\s""" + COLUMNS;
    private static final String RENAME = """
            update tenant set display_name = coalesce($2, display_name), plan_code = coalesce($3, plan_code),
                              updated_at = now(), version = version + 1
            where tenant_id = $1 returning\s""" + COLUMNS;
    private static final String CHANGE_STATUS = """
            update tenant set status = $3, status_reason = $4, closed_at = $5, purge_after = $6,
                              updated_at = now(), version = version + 1
            where tenant_id = $1 and status = any($2::text[]) returning\s""" + COLUMNS;
    private static final String TO_PROVISION = "select " + COLUMNS
            + " from tenant where status = 'PROVISIONING' and updated_at < $1 order by created_at limit $2";
    private static final String TO_PURGE = "select " + COLUMNS + " from tenant"
            + " where status = 'CLOSED' and purged_at is null and purge_after < now() order by purge_after limit $1";
    // Only within the retention: once it ended the purge may be under way (both compare with the database's clock).
    private static final String REOPEN = """
            update tenant set status = 'ACTIVE', status_reason = null, closed_at = null, purge_after = null,
                              updated_at = now(), version = version + 1
            where tenant_id = $1 and status = 'CLOSED' and purged_at is null and purge_after > now()
            returning\s""" + COLUMNS;
    private static final String MARK_PURGED = """
            update tenant set purged_at = now(), admin_first_name = null, admin_last_name = null,
                              admin_email = 'purged@' || tenant_id || '.invalid', updated_at = now(), version = version + 1
            where tenant_id = $1 and status = 'CLOSED' and purged_at is null""";

    /** The new tenant in PROVISIONING, or empty when the id is taken. */
    public Uni<Optional<Tenant>> insert(SqlClient tx, NewTenant tenant) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(tenant.tenantId(), tenant.displayName(),
                        tenant.planCode(), tenant.admin().email(), tenant.admin().firstName(), tenant.admin().lastName())))
                .map(TenantStore::first);
    }

    public Uni<Optional<Tenant>> find(SqlClient client, String tenantId) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenantId)).map(TenantStore::first);
    }

    /** A page in id order, starting after {@code after}. */
    public Uni<List<Tenant>> list(SqlClient client, TenantStatus status, String after, int limit) {
        return client.preparedQuery(LIST).execute(Tuple.of(status == null ? null : status.name(), after, limit))
                .map(TenantStore::all);
    }

    /** Records why provisioning stopped (it is tried again later). */
    public Uni<Optional<Tenant>> recordProvisioningError(SqlClient tx, String tenantId, String error) {
        return tx.preparedQuery(PROVISIONING_ERROR).execute(Tuple.of(tenantId, error)).map(TenantStore::first);
    }

    /** Records the identities and marks the invitation sent; true if this call set the mark (and must send it). */
    public Uni<Boolean> claimInvitation(SqlClient tx, String tenantId, String organizationId, String adminId) {
        return tx.preparedQuery(CLAIM_INVITATION).execute(Tuple.of(tenantId, organizationId, adminId))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("claimed"));
    }

    /** Takes the mark back after the invitation could not be sent. */
    public Uni<Void> unclaimInvitation(SqlClient tx, String tenantId) {
        return tx.preparedQuery(UNCLAIM_INVITATION).execute(Tuple.of(tenantId)).replaceWithVoid();
    }

    /** PROVISIONING → ACTIVE; empty if the tenant was not provisioning (another attempt finished first). */
    public Uni<Optional<Tenant>> activateProvisioned(SqlClient tx, String tenantId) {
        return tx.preparedQuery(ACTIVATE_PROVISIONED).execute(Tuple.of(tenantId)).map(TenantStore::first);
    }

    public Uni<Optional<Tenant>> rename(SqlClient tx, String tenantId, String displayName, String planCode) {
        return tx.preparedQuery(RENAME).execute(Tuple.of(tenantId, displayName, planCode)).map(TenantStore::first);
    }

    /** Moves a tenant in one of {@code from} to {@code to}; empty if it was in none of them. */
    public Uni<Optional<Tenant>> changeStatus(SqlClient tx, String tenantId, List<TenantStatus> from, TenantStatus to,
                                              String reason, Instant closedAt, Instant purgeAfter) {
        String[] states = from.stream().map(Enum::name).toArray(String[]::new);
        return tx.preparedQuery(CHANGE_STATUS).execute(Tuple.from(Arrays.asList(tenantId, states, to.name(), reason,
                utc(closedAt), utc(purgeAfter)))).map(TenantStore::first);
    }

    /** Tenants whose provisioning has not moved since {@code idleSince}. */
    public Uni<List<Tenant>> toProvision(SqlClient client, Instant idleSince, int limit) {
        return client.preparedQuery(TO_PROVISION).execute(Tuple.of(utc(idleSince), limit)).map(TenantStore::all);
    }

    /** Closed tenants whose retention ended (by the database's clock). */
    public Uni<List<Tenant>> toPurge(SqlClient client, int limit) {
        return client.preparedQuery(TO_PURGE).execute(Tuple.of(limit)).map(TenantStore::all);
    }

    /** CLOSED → ACTIVE while the retention lasts; empty otherwise. */
    public Uni<Optional<Tenant>> reopen(SqlClient tx, String tenantId) {
        return tx.preparedQuery(REOPEN).execute(Tuple.of(tenantId)).map(TenantStore::first);
    }

    /** Forgets the admin's personal data once the identities are gone; the tenant id stays taken. */
    public Uni<Void> markPurged(SqlClient tx, String tenantId) {
        return tx.preparedQuery(MARK_PURGED).execute(Tuple.of(tenantId)).replaceWithVoid();
    }

    private static Optional<Tenant> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toTenant(rows.iterator().next()));
    }

    private static List<Tenant> all(RowSet<Row> rows) {
        List<Tenant> tenants = new ArrayList<>();
        rows.forEach(row -> tenants.add(toTenant(row)));
        return tenants;
    }

    private static Tenant toTenant(Row row) {
        return new Tenant(row.getString("tenant_id"), row.getString("display_name"), row.getString("plan_code"),
                TenantStatus.valueOf(row.getString("status")), row.getString("status_reason"),
                new Tenant.Admin(row.getString("admin_email"), row.getString("admin_first_name"),
                        row.getString("admin_last_name")),
                row.getString("keycloak_org_id"), row.getString("keycloak_admin_id"),
                instant(row, "invitation_sent_at"), row.getString("provisioning_error"), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "closed_at"), instant(row, "purge_after"),
                instant(row, "purged_at"), row.getLong("version"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
