package com.dominusleads.gateway.domain;

import com.dominusleads.gateway.client.LocalDirectory;
import com.dominusleads.gateway.client.RemoteApiCnaes;
import com.dominusleads.gateway.client.Side;
import com.dominusleads.gateway.client.UpstreamFailure;
import com.dominusleads.gateway.client.UpstreamReply;
import com.dominusleads.gateway.config.GatewayConfig;
import com.dominusleads.gateway.persistence.CompanyCache;
import com.dominusleads.servicekit.api.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code GET /v1/companies/{cnpj}}: a fresh cached remote answer first (found or 404); else the local directory; else,
 * when the directory has no such row or cannot answer, the remote API, whose answer is kept. When the remote fails too,
 * an expired answer still within {@code max-stale} is served, flagged stale.
 * <p>
 * Only remote answers are cached: the directory is local and fast, and a new release invalidates the cache anyway.
 */
@ApplicationScoped
public class CompanyLookup {

    private static final Logger LOG = Logger.getLogger(CompanyLookup.class);

    private final CompanyCache cache;
    private final LocalDirectory local;
    private final RemoteApiCnaes remote;
    private final GatewayConfig.Cache settings;
    private final long breakerDelaySeconds;
    private final MeterRegistry metrics;
    private final Clock clock;

    public CompanyLookup(CompanyCache cache, LocalDirectory local, RemoteApiCnaes remote, GatewayConfig config,
                         MeterRegistry metrics, Clock clock) {
        this.cache = cache;
        this.local = local;
        this.remote = remote;
        this.settings = config.cache();
        this.breakerDelaySeconds = config.remote().breaker().delay().toSeconds();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The company with this (valid, normalised) CNPJ, stamped with its provenance. */
    public Uni<JsonObject> company(String cnpj) {
        // Kept answers are stamped with the time the directory was asked, so that a release going live meanwhile
        // (whose event carries the switch time) also clears them.
        Instant asked = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        return cache.find(cnpj)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Cannot read the company cache (%s); asking the sides", failure.getMessage());
                    return null; // the cache saves calls; it is not needed to answer
                })
                .chain(entry -> {
                    if (entry != null && entry.freshAt(clock.instant())) {
                        count(entry.found() ? "hit" : "negative_hit");
                        return entry.found() ? Uni.createFrom().item(Provenance.cached(entry, false))
                                : Uni.createFrom().failure(notFound(cnpj, Provenance.CACHE));
                    }
                    count("miss");
                    return fromLocal(cnpj, entry, asked);
                });
    }

    private Uni<JsonObject> fromLocal(String cnpj, CachedCompany expired, Instant asked) {
        return local.company(cnpj)
                .onItem().transformToUni(reply -> {
                    if (reply.ok()) {
                        return Uni.createFrom().item(Provenance.local(reply.body(), clock.instant()));
                    }
                    if (reply.status() == 400) {
                        return Uni.createFrom().failure(UpstreamErrors.rejected(Side.LOCAL, reply));
                    }
                    if (reply.status() != 404) {
                        LOG.warnf("%s refused a lookup (HTTP %d %s); asking the remote API", Side.LOCAL.label(),
                                reply.status(), reply.errorCode());
                    }
                    return fromRemote(cnpj, expired, asked, reply.status() == 404);
                })
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithUni(failure -> {
                    LOG.debugf("%s could not answer (%s); asking the remote API", Side.LOCAL.label(),
                            failure.getClass().getSimpleName());
                    boolean empty = failure instanceof UpstreamFailure upstream && upstream.directoryEmpty();
                    return fromRemote(cnpj, expired, asked, empty);
                });
    }

    /**
     * The remote's answer. It is kept only when the directory definitely lacks the company ({@code definitive}: a
     * 404, or no live release): an answer obtained while the directory was merely down would hide it once back.
     */
    private Uni<JsonObject> fromRemote(String cnpj, CachedCompany expired, Instant asked, boolean definitive) {
        return remote.company(cnpj)
                .onItem().transformToUni(reply -> remembered(cnpj, reply, asked, definitive))
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithUni(failure -> {
                    Instant now = clock.instant();
                    if (expired != null && expired.servableStaleAt(now, settings.maxStale())) {
                        count("stale");
                        LOG.infof("%s failing (%s): serving a stale answer fetched at %s", Side.REMOTE.label(),
                                failure.getClass().getSimpleName(), expired.fetchedAt());
                        return Uni.createFrom().item(Provenance.cached(expired, true));
                    }
                    return Uni.createFrom().failure(UpstreamErrors.remoteFailed(failure, breakerDelaySeconds));
                });
    }

    /** Serves the remote's answer (a document or a 404), keeping it when {@code definitive}. */
    private Uni<JsonObject> remembered(String cnpj, UpstreamReply reply, Instant asked, boolean definitive) {
        if (reply.ok()) {
            JsonObject document = RemoteDocuments.company(cnpj, reply.body());
            CachedCompany entry = new CachedCompany(cnpj, document, asked, asked.plus(settings.ttl()));
            return (definitive ? keep(entry) : Uni.createFrom().voidItem()).replaceWith(() -> Provenance.remote(entry));
        }
        if (reply.status() == 404 && reply.isContractError()) {
            CachedCompany entry = new CachedCompany(cnpj, null, asked, asked.plus(settings.negativeTtl()));
            return (definitive ? keep(entry) : Uni.createFrom().voidItem())
                    .chain(() -> Uni.createFrom().failure(notFound(cnpj, Provenance.REMOTE)));
        }
        return Uni.createFrom().failure(UpstreamErrors.rejected(Side.REMOTE, reply));
    }

    /** A cache write that fails costs a future remote call, not this answer. */
    private Uni<Void> keep(CachedCompany entry) {
        return cache.store(entry).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Could not cache the remote answer for %s: %s", entry.cnpj(), failure.getMessage());
            return null;
        });
    }

    private static ApiException notFound(String cnpj, String source) {
        return new ApiException(404, "company_not_found", "No establishment with CNPJ " + cnpj
                + " in the local directory or the remote API", Map.of("cnpj", cnpj, "source", source));
    }

    private void count(String result) {
        metrics.counter("gateway.cache.lookups", "result", result).increment();
    }
}
