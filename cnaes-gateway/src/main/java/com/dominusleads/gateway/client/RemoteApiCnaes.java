package com.dominusleads.gateway.client;

import com.dominusleads.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.RateLimitType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The remote api-cnaes, behind SmallRye Fault Tolerance guards. One shared guard, outermost first: retry (exponential
 * back-off with jitter, or the server's {@code Retry-After}), circuit breaker, per-attempt timeout, bulkhead. Inside it,
 * each API key has its own rate limiter set to the remote quota, so every HTTP attempt, retries included, spends a
 * token of the key it uses; keys are taken in turn.
 */
@ApplicationScoped
public class RemoteApiCnaes {

    private static final Logger LOG = Logger.getLogger(RemoteApiCnaes.class);
    private static final TypeLiteral<Uni<UpstreamReply>> REPLY = new TypeLiteral<>() {
    };

    /** One credential: its client and its quota. */
    private record Keyed(UpstreamApi api, TypedGuard<Uni<UpstreamReply>> quota) {
    }

    private final List<Keyed> keys;
    private final TypedGuard<Uni<UpstreamReply>> guard;
    private final AtomicInteger turn = new AtomicInteger();
    private final UpstreamMetrics metrics;
    private final CircuitBreakerMaintenance breakers;

    public RemoteApiCnaes(GatewayConfig config, UpstreamMetrics metrics, CircuitBreakerMaintenance breakers) {
        this.breakers = breakers;
        GatewayConfig.Remote remote = config.remote();
        this.metrics = metrics;
        if (remote.apiKeys().isEmpty()) {
            throw new IllegalStateException("dominus.gateway.remote.api-keys is empty: set DOMINUS_GATEWAY_REMOTE_API_KEYS"
                    + " to the api-cnaes key(s)");
        }
        this.keys = remote.apiKeys().stream().map(key -> new Keyed(
                UpstreamClients.build(remote.url(), remote.connectTimeout(), remote.timeout(),
                        remote.auth() == GatewayConfig.Auth.BEARER ? UpstreamClients.bearer(key) : UpstreamClients.apiKey(key)),
                TypedGuard.create(REPLY)
                        .withRateLimit()
                            .limit(remote.rateLimitPerSecond()).window(1, ChronoUnit.SECONDS)
                            .type(RateLimitType.SMOOTH) // a token bucket; ROLLING would also count the refused attempts
                            .done()
                        .build())) // no description: per-key guards stay out of the metrics (no key in a tag)
                .toList();
        GatewayConfig.Retry retry = remote.retry();
        long maxRetryAfter = retry.maxRetryAfter().toMillis();
        long maxDelay = retry.maxDelay().toMillis();
        this.guard = TypedGuard.create(REPLY)
                .withDescription(Side.REMOTE.label())
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    .whenException(failure -> Transience.retryable(failure, maxRetryAfter))
                    .withCustomBackoff().strategy(() -> new RetryAfterBackoff(maxDelay)).done()
                    .beforeRetry(failure -> LOG.infof("%s: retrying after %s", Side.REMOTE.label(), describe(failure)))
                    .done()
                .withCircuitBreaker()
                    .name(Side.REMOTE.label())
                    .requestVolumeThreshold(remote.breaker().requestVolume())
                    .failureRatio(remote.breaker().failureRatio())
                    .delay(remote.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(remote.breaker().successThreshold())
                    .when(Transience::countsAsOutage)
                    .onStateChange(state -> LOG.warnf("%s: circuit breaker %s", Side.REMOTE.label(), state))
                    .done()
                .withTimeout().duration(remote.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withBulkhead().limit(remote.bulkhead()).queueSize(remote.bulkheadQueue()).done()
                .build();
    }

    /** The side's circuit breaker: CLOSED (calls go through), OPEN (refused at once) or HALF_OPEN (on trial). */
    public CircuitBreakerState circuit() {
        return breakers.currentState(Side.REMOTE.label());
    }

    public Uni<UpstreamReply> company(String cnpj) {
        return call(api -> api.company(cnpj));
    }

    public Uni<UpstreamReply> list(String cnae, String uf, Integer page, Integer limit, String cursor) {
        return call(api -> api.list(cnae, uf, page, limit, cursor));
    }

    public Uni<UpstreamReply> search(String json) {
        return call(api -> api.search(json));
    }

    private Uni<UpstreamReply> call(Function<UpstreamApi, Uni<Response>> request) {
        return guard.get(() -> {
            Keyed key = keys.get(Math.floorMod(turn.getAndIncrement(), keys.size()));
            return key.quota().get(() -> metrics.attempt(Side.REMOTE, request.apply(key.api())
                    .map(response -> UpstreamReply.of(response, Side.REMOTE))));
        });
    }

    /** A failure in one line, without anything from the request (no URL parameters, no headers). */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
