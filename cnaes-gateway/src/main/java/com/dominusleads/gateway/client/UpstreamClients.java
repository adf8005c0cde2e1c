package com.dominusleads.gateway.client;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Builds the REST client of one side for one credential. */
final class UpstreamClients {

    /** Headers that carry credentials: masked should anyone turn on the REST client's request logging. */
    private static final Set<String> SECRET_HEADERS = Set.of("X-API-KEY", "Authorization");

    private UpstreamClients() {
    }

    /**
     * A client of {@code base} (which ends with the version path) sending {@code credentials}. The read timeout is a
     * backstop a little past the guard's own per-attempt timeout, which is the one that normally fires.
     */
    static UpstreamApi build(URI base, Duration connectTimeout, Duration attemptTimeout, ClientRequestFilter credentials) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(attemptTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .followRedirects(false) // a redirect would carry the key to wherever it points; 3xx is a failure
                .loggingMaskedHeaders(SECRET_HEADERS)
                .userAgent("dominusleads-cnaes-gateway")
                .register(credentials)
                .build(UpstreamApi.class);
    }

    static ClientRequestFilter apiKey(String key) {
        return request -> request.getHeaders().putSingle("X-API-KEY", key);
    }

    static ClientRequestFilter bearer(String key) {
        return request -> request.getHeaders().putSingle("Authorization", "Bearer " + key);
    }
}
