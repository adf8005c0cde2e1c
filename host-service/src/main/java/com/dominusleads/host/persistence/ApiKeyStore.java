package com.dominusleads.host.persistence;

import com.dominusleads.host.domain.ApiKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
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
import java.util.UUID;

/** Host API keys: metadata, and the secret's hash for the one query that checks a key. */
@ApplicationScoped
public class ApiKeyStore {

    /** A stored key with the hash its presented secret must match. */
    public record Stored(ApiKey key, byte[] secretHash) {
    }

    private static final String COLUMNS =
            "id, tenant_id, name, prefix, scopes, expires_at, revoked_at, last_used_at, created_by, created_at";
    private static final String INSERT = """
            insert into api_key (id, tenant_id, name, prefix, secret_hash, scopes, expires_at, created_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8) returning\s""" + COLUMNS;
    private static final String LIST = "select " + COLUMNS
            + " from api_key where ($1::text is null or tenant_id = $1) order by created_at desc, id limit $2";
    private static final String FIND_WITH_HASH = "select " + COLUMNS + ", secret_hash from api_key where id = $1";
    private static final String REVOKE = """
            update api_key set revoked_at = coalesce(revoked_at, now()) where id = $1 returning\s""" + COLUMNS;
    // Written at most once a minute per key: a busy key must not turn every check into a write.
    private static final String TOUCH = """
            update api_key set last_used_at = now()
            where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')""";

    public Uni<ApiKey> insert(SqlClient tx, ApiKey key, byte[] secretHash) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(key.id(), key.tenantId(), key.name(),
                        key.prefix(), Buffer.buffer(secretHash), key.scopes().toArray(String[]::new),
                        utc(key.expiresAt()), key.createdBy())))
                .map(rows -> toKey(rows.iterator().next()));
    }

    public Uni<List<ApiKey>> list(SqlClient client, String tenantId, int limit) {
        return client.preparedQuery(LIST).execute(Tuple.of(tenantId, limit)).map(ApiKeyStore::all);
    }

    public Uni<Optional<Stored>> findWithHash(SqlClient client, UUID id) {
        return client.preparedQuery(FIND_WITH_HASH).execute(Tuple.of(id)).map(rows -> rows.size() == 0
                ? Optional.empty()
                : Optional.of(new Stored(toKey(rows.iterator().next()),
                        rows.iterator().next().getBuffer("secret_hash").getBytes())));
    }

    public Uni<Optional<ApiKey>> revoke(SqlClient tx, UUID id) {
        return tx.preparedQuery(REVOKE).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toKey(rows.iterator().next())));
    }

    public Uni<Void> touch(SqlClient tx, UUID id) {
        return tx.preparedQuery(TOUCH).execute(Tuple.of(id)).replaceWithVoid();
    }

    private static List<ApiKey> all(RowSet<Row> rows) {
        List<ApiKey> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(toKey(row)));
        return keys;
    }

    private static ApiKey toKey(Row row) {
        return new ApiKey(row.getUUID("id"), row.getString("tenant_id"), row.getString("name"), row.getString("prefix"),
                List.of(row.getArrayOfStrings("scopes")), instant(row, "expires_at"), instant(row, "revoked_at"),
                instant(row, "last_used_at"), row.getString("created_by"), instant(row, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
