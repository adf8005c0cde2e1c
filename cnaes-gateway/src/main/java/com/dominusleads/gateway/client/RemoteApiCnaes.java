package com.dominusleads.gateway.client;

import com.dominusleads.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.RateLimitException;
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
 * The remote api-cnaes, behind SmallRye Fault Tolerance guards, outermost first:
 * <ol>
 * <li>retry: exponential back-off with jitter, or the server's {@code Retry-After}, on timeouts, 5xx, 429 and
 *     malformed bodies, never on other 4xx;</li>
 * <li>the quota of the API key the attempt uses (keys are taken in turn): a rate limit spacing calls evenly, so no
 *     one-second window ever holds more than the remote allows; an attempt waits for its slot (up to
 *     {@code quota-wait}) rather than failing, and the wait counts against neither the retries nor the timeout;</li>
 * <li>circuit breaker, per-attempt timeout and bulkhead, around the HTTP call itself.</li>
 * </ol>
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
    private final TypedGuard<Uni<UpstreamReply>> retry;
    private final TypedGuard<Uni<UpstreamReply>> call;
    private final AtomicInteger turn = new AtomicInteger();
    private final UpstreamMetrics metrics;
    private final CircuitBreakerMaintenance breakers;

    public RemoteApiCnaes(GatewayConfig config, UpstreamMetrics metrics, CircuitBreakerMaintenance breakers) {
        GatewayConfig.Remote remote = config.remote();
        this.metrics = metrics;
        this.breakers = breakers;
        if (remote.apiKeys().isEmpty()) {
            throw new IllegalStateException("dominus.gateway.remote.api-keys is empty: set DOMINUS_GATEWAY_REMOTE_API_KEYS"
                    + " to the api-cnaes key(s)");
        }
        long spacing = spacingMillis(remote.rateLimitPerSecond());
        this.keys = remote.apiKeys().stream().map(key -> new Keyed(
                UpstreamClients.build(remote.url(), remote.connectTimeout(), remote.timeout(),
                        remote.auth() == GatewayConfig.Auth.BEARER ? UpstreamClients.bearer(key) : UpstreamClients.apiKey(key)),
                quota(remote, spacing))).toList();
        GatewayConfig.Retry retry = remote.retry();
        long maxRetryAfter = retry.maxRetryAfter().toMillis();
        long maxDelay = retry.maxDelay().toMillis();
        this.retry = TypedGuard.create(REPLY)
                .withDescription(Side.REMOTE.label() + ".retry")
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    .whenException(failure -> Transience.retryable(failure, maxRetryAfter))
                    .withCustomBackoff().strategy(() -> new RetryAfterBackoff(maxDelay)).done()
                    .beforeRetry(failure -> LOG.infof("%s: retrying after %s", Side.REMOTE.label(), describe(failure)))
                    .done()
                .build();
        this.call = TypedGuard.create(REPLY)
                .withDescription(Side.REMOTE.label())
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

    /**
     * One key's quota: one call per slot of a second divided by the quota, as a token bucket holding one token (SMOOTH
     * with limit 1), so no burst can exceed the quota in any one-second window. Not ROLLING, nor SMOOTH with a minimum
     * spacing: both also record the refused attempts, which the waiting retries would then keep refusing for ever.
     * No description: per-key guards stay out of the metrics, so no key is ever a tag.
     */
    private static TypedGuard<Uni<UpstreamReply>> quota(GatewayConfig.Remote remote, long spacingMillis) {
        return TypedGuard.create(REPLY)
                .withRetry()
                    .maxRetries(-1) // bounded by time instead
                    .maxDuration(remote.quotaWait().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(List.of(RateLimitException.class))
                    .withCustomBackoff().strategy(() -> new RetryAfterBackoff(spacingMillis)).done()
                    .done()
                .withRateLimit()
                    .limit(1).window(spacingMillis, ChronoUnit.MILLIS)
                    .type(RateLimitType.SMOOTH)
                    .done()
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
        return retry.get(() -> {
            Keyed key = keys.get(Math.floorMod(turn.getAndIncrement(), keys.size()));
            return key.quota().get(() -> metrics.timeouts(Side.REMOTE, call.get(() -> metrics.attempt(Side.REMOTE,
                    request.apply(key.api()).map(response -> UpstreamReply.of(response, Side.REMOTE))))));
        });
    }

    /** The gap between two calls of one key that keeps any one-second window within {@code perSecond} calls. */
    static long spacingMillis(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalStateException("dominus.gateway.remote.rate-limit-per-second must be at least 1");
        }
        return (1_000 + perSecond - 1) / perSecond;
    }

    /** A failure in one line, without anything from the request (no URL parameters, no headers). */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
