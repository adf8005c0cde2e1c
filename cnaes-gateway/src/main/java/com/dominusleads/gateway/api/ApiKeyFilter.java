package com.dominusleads.gateway.api;

import com.dominusleads.gateway.config.GatewayConfig;
import com.dominusleads.servicekit.api.StaticApiKeys;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Internal callers present one of {@code dominus.gateway.api-keys} in {@code X-API-KEY}, as the contract has it. */
public class ApiKeyFilter {

    private final StaticApiKeys keys;

    public ApiKeyFilter(GatewayConfig config) {
        this.keys = new StaticApiKeys(config.apiKeys(), "cnaes-gateway");
    }

    @ServerRequestFilter
    public Optional<Response> checkKey(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("/v1/")
                ? keys.check(request.getHeaderString(StaticApiKeys.HEADER)) : Optional.empty();
    }
}
