package com.dominusleads.gateway.persistence;

import com.dominusleads.gateway.domain.CachedCompany;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Table {@code company_cache}: remote company lookups, found or not, by CNPJ. */
@ApplicationScoped
public class CompanyCache {

    private final Pool pool;

    public CompanyCache(Pool pool) {
        this.pool = pool;
    }

    /** The entry for {@code cnpj}, fresh or not; null when there is none. */
    public Uni<CachedCompany> find(String cnpj) {
        return pool.preparedQuery("select payload::text, fetched_at, expires_at from company_cache where cnpj = $1")
                .execute(Tuple.of(cnpj))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    String payload = row.getString(0);
                    return new CachedCompany(cnpj, payload == null ? null : new JsonObject(payload),
                            row.getOffsetDateTime(1).toInstant(), row.getOffsetDateTime(2).toInstant());
                });
    }

    /** Keeps {@code entry}, replacing any older one. */
    public Uni<Void> store(CachedCompany entry) {
        return pool.preparedQuery("""
                        insert into company_cache (cnpj, source, payload, found, fetched_at, expires_at)
                        values ($1, 'remote', $2, $3, $4, $5)
                        on conflict (cnpj) do update set source = excluded.source, payload = excluded.payload,
                            found = excluded.found, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
                        where company_cache.fetched_at <= excluded.fetched_at""")
                .execute(Tuple.of(entry.cnpj(), entry.document(), entry.found(),
                        utc(entry.fetchedAt()), utc(entry.expiresAt())))
                .replaceWithVoid();
    }

    /** Forgets every answer fetched before {@code instant}; returns how many. */
    public Uni<Integer> forgetFetchedBefore(Instant instant) {
        return pool.preparedQuery("delete from company_cache where fetched_at < $1").execute(Tuple.of(utc(instant)))
                .map(rows -> rows.rowCount());
    }

    /** Deletes entries that expired before {@code instant} (past any use, stale included); returns how many. */
    public Uni<Integer> purgeExpiredBefore(Instant instant) {
        return pool.preparedQuery("delete from company_cache where expires_at < $1").execute(Tuple.of(utc(instant)))
                .map(rows -> rows.rowCount());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
