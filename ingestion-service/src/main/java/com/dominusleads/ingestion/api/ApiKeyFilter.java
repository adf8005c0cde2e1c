package com.dominusleads.ingestion.api;

import com.dominusleads.servicekit.api.StaticApiKeys;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The api-cnaes contract authenticates callers with an {@code X-API-KEY} header; so does this copy of it, with the
 * keys in {@code dominus.directory.api-keys} (set through the environment in deployments).
 */
public class ApiKeyFilter {

    private final StaticApiKeys keys;

    public ApiKeyFilter(@ConfigProperty(name = "dominus.directory.api-keys") List<String> keys) {
        this.keys = new StaticApiKeys(keys, "directory");
    }

    @ServerRequestFilter
    public Optional<Response> checkKey(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("/v1/")
                ? keys.check(request.getHeaderString(StaticApiKeys.HEADER)) : Optional.empty();
    }
}
