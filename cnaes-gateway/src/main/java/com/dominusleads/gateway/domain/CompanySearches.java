package com.dominusleads.gateway.domain;

import com.dominusleads.gateway.client.LocalDirectory;
import com.dominusleads.gateway.client.RemoteApiCnaes;
import com.dominusleads.gateway.client.Side;
import com.dominusleads.gateway.client.UpstreamReply;
import com.dominusleads.gateway.config.GatewayConfig;
import com.dominusleads.servicekit.api.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Searches ({@code POST /v1/companies/search} and the {@code GET /v1/companies} listing): the local directory answers
 * unless it has nothing for the search area, is down, or has no live release; then the remote API does. The choice
 * depends on the search, not the page (a local search with results keeps answering past its last page), so paging
 * never switches sides halfway. Searches are not cached: their pages are many and change with every release.
 */
@ApplicationScoped
public class CompanySearches {

    private static final Logger LOG = Logger.getLogger(CompanySearches.class);

    private final LocalDirectory local;
    private final RemoteApiCnaes remote;
    private final long breakerDelaySeconds;
    private final MeterRegistry metrics;
    private final Clock clock;

    public CompanySearches(LocalDirectory local, RemoteApiCnaes remote, GatewayConfig config, MeterRegistry metrics,
                           Clock clock) {
        this.local = local;
        this.remote = remote;
        this.breakerDelaySeconds = config.remote().breaker().delay().toSeconds();
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * {@code request}: a search body already checked by the API layer; sent on as given, except that a cursor the
     * gateway issued goes back, untagged, to the side that issued it.
     */
    public Uni<JsonObject> search(JsonObject request) {
        SideCursor cursor = SideCursor.of(request.getValue("cursor") instanceof String c ? c : null);
        if (cursor != null) {
            request.put("cursor", cursor.cursor());
        }
        String json = request.encode();
        JsonObject pagination = request.getValue("pagination") instanceof JsonObject p ? p : new JsonObject();
        return route(cursor, () -> local.search(json), () -> remote.search(json),
                pagination.getInteger("page"), pagination.getInteger("limit"));
    }

    public Uni<JsonObject> list(String cnae, String uf, Integer page, Integer limit, String given) {
        SideCursor cursor = SideCursor.of(given);
        String bare = cursor == null ? null : cursor.cursor();
        return route(cursor, () -> local.list(cnae, uf, page, limit, bare), () -> remote.list(cnae, uf, page, limit, bare),
                page, limit);
    }

    private Uni<JsonObject> route(SideCursor cursor, Supplier<Uni<UpstreamReply>> fromLocal,
                                  Supplier<Uni<UpstreamReply>> fromRemote, Integer page, Integer limit) {
        if (cursor != null) {
            return Provenance.REMOTE.equals(cursor.source()) ? remotely(fromRemote, page, limit)
                    : continuedLocally(fromLocal, page, limit);
        }
        return route(fromLocal, fromRemote, page, limit);
    }

    /** The next page of a search the directory answered: only it can read its cursor. */
    private Uni<JsonObject> continuedLocally(Supplier<Uni<UpstreamReply>> fromLocal, Integer page, Integer limit) {
        return fromLocal.get()
                .onFailure().transform(failure -> new ApiException(503, "local_unavailable", "The local directory"
                        + " cannot continue this search right now; retry, or start the search again", Map.of(), 1))
                .map(reply -> {
                    if (!reply.ok() || !isPage(reply.body())) {
                        throw UpstreamErrors.rejected(Side.LOCAL, reply);
                    }
                    count(Provenance.LOCAL);
                    return Provenance.page(reply.body(), Provenance.LOCAL, page, limit, clock.instant());
                });
    }

    private Uni<JsonObject> route(Supplier<Uni<UpstreamReply>> fromLocal, Supplier<Uni<UpstreamReply>> fromRemote,
                                  Integer page, Integer limit) {
        return fromLocal.get()
                .onItem().transformToUni(reply -> {
                    if (reply.ok() && isPage(reply.body()) && Provenance.hasResults(reply.body())) {
                        count(Provenance.LOCAL);
                        return Uni.createFrom().item(Provenance.page(reply.body(), Provenance.LOCAL, page, limit,
                                clock.instant()));
                    }
                    if (reply.status() == 400) {
                        return Uni.createFrom().failure(UpstreamErrors.rejected(Side.LOCAL, reply));
                    }
                    return remotely(fromRemote, page, limit);
                })
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithUni(failure -> {
                    LOG.debugf("%s could not search (%s); asking the remote API", Side.LOCAL.label(), failure);
                    return remotely(fromRemote, page, limit);
                });
    }

    private Uni<JsonObject> remotely(Supplier<Uni<UpstreamReply>> fromRemote, Integer page, Integer limit) {
        return fromRemote.get()
                .onFailure().transform(failure -> UpstreamErrors.remoteFailed(failure, breakerDelaySeconds))
                .map(reply -> {
                    if (!reply.ok()) {
                        throw UpstreamErrors.rejected(Side.REMOTE, reply);
                    }
                    if (!isPage(reply.body())) {
                        throw new ApiException(502, "remote_malformed_response", "The remote company API answered a"
                                + " search without a data array", Map.of());
                    }
                    count(Provenance.REMOTE);
                    return Provenance.page(reply.body(), Provenance.REMOTE, page, limit, clock.instant());
                });
    }

    private static boolean isPage(JsonObject body) {
        return body.getValue("data") instanceof JsonArray;
    }

    private void count(String source) {
        metrics.counter("gateway.searches", "source", source).increment();
    }
}
