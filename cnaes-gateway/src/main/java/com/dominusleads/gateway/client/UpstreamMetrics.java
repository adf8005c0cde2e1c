package com.dominusleads.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code gateway_upstream_calls_total{side, outcome}}: every HTTP attempt to either side, retries included, by what
 * came back. The breakers' states are SmallRye's own {@code ft_circuitbreaker_state_current{method="api-cnaes"|
 * "local-directory"}}.
 */
@ApplicationScoped
public class UpstreamMetrics {

    private final MeterRegistry registry;

    public UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Uni<UpstreamReply> attempt(Side side, Uni<UpstreamReply> call) {
        return call.invoke(reply -> count(side, reply.ok() ? "ok" : reply.status() == 404 ? "not_found" : "rejected"))
                .onFailure().invoke(failure -> count(side, outcome(failure)));
    }

    /**
     * An attempt the guard's timeout gave up on (counted from outside the guard: the abandoned call itself ends
     * later, at the client's read timeout, and is counted then as well).
     */
    Uni<UpstreamReply> timeouts(Side side, Uni<UpstreamReply> guarded) {
        return guarded.onFailure(org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class)
                .invoke(() -> count(side, "timeout"));
    }

    private static String outcome(Throwable failure) {
        if (failure instanceof UpstreamFailure upstream) {
            return upstream.malformed() ? "malformed" : upstream.tooManyRequests() ? "too_many_requests" : "server_error";
        }
        return "transport_error";
    }

    private void count(Side side, String outcome) {
        registry.counter("gateway.upstream.calls", "side", side.name().toLowerCase(java.util.Locale.ROOT),
                "outcome", outcome).increment();
    }
}
