package com.dominusleads.gateway.client;

import com.dominusleads.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The local directory (ingestion-service) through its copy of the contract. Guarded by a timeout and a circuit
 * breaker only: when it is slow, down or empty the remote API answers instead, so retrying here would just add
 * latency; the open breaker sends callers there at once until the directory is back.
 */
@ApplicationScoped
public class LocalDirectory {

    private static final TypeLiteral<Uni<UpstreamReply>> REPLY = new TypeLiteral<>() {
    };

    private final UpstreamApi api;
    private final TypedGuard<Uni<UpstreamReply>> guard;
    private final UpstreamMetrics metrics;
    private final CircuitBreakerMaintenance breakers;

    public LocalDirectory(GatewayConfig config, UpstreamMetrics metrics, CircuitBreakerMaintenance breakers) {
        this.breakers = breakers;
        GatewayConfig.Local local = config.local();
        this.metrics = metrics;
        this.api = UpstreamClients.build(local.url(), local.timeout(), local.timeout(),
                UpstreamClients.apiKey(local.apiKey()));
        this.guard = TypedGuard.create(REPLY)
                .withDescription(Side.LOCAL.label())
                .withCircuitBreaker()
                    .name(Side.LOCAL.label())
                    .requestVolumeThreshold(local.breaker().requestVolume())
                    .failureRatio(local.breaker().failureRatio())
                    .delay(local.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(local.breaker().successThreshold())
                    .when(Transience::countsAsOutage)
                    .done()
                .withTimeout().duration(local.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** The side's circuit breaker: CLOSED (calls go through), OPEN (refused at once) or HALF_OPEN (on trial). */
    public CircuitBreakerState circuit() {
        return breakers.currentState(Side.LOCAL.label());
    }

    public Uni<UpstreamReply> company(String cnpj) {
        return call(() -> api.company(cnpj));
    }

    public Uni<UpstreamReply> list(String cnae, String uf, Integer page, Integer limit, String cursor) {
        return call(() -> api.list(cnae, uf, page, limit, cursor));
    }

    public Uni<UpstreamReply> search(String json) {
        return call(() -> api.search(json));
    }

    private Uni<UpstreamReply> call(Supplier<Uni<Response>> request) {
        return metrics.timeouts(Side.LOCAL, guard.get(() -> metrics.attempt(Side.LOCAL, request.get()
                .map(response -> UpstreamReply.of(response, Side.LOCAL)))));
    }
}
