package com.dominusleads.ingestion.api;

import com.dominusleads.servicekit.api.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The api-cnaes contract authenticates callers with an {@code X-API-KEY} header; so does this copy of it, with the
 * keys in {@code dominus.directory.api-keys} (set through the environment in deployments). Compared in constant time.
 */
public class ApiKeyFilter {

    private final List<byte[]> keys;

    public ApiKeyFilter(@ConfigProperty(name = "dominus.directory.api-keys") List<String> keys) {
        this.keys = keys.stream().map(k -> k.trim().getBytes(StandardCharsets.UTF_8)).toList();
    }

    @ServerRequestFilter
    public Optional<Response> checkKey(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return Optional.empty();
        }
        String given = request.getHeaderString("X-API-KEY");
        if (given != null) {
            byte[] bytes = given.trim().getBytes(StandardCharsets.UTF_8);
            for (byte[] key : keys) {
                if (MessageDigest.isEqual(key, bytes)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(Response.status(401).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(given == null ? "missing_api_key" : "invalid_api_key", given == null
                        ? "Send the directory API key in the X-API-KEY header"
                        : "This X-API-KEY is not valid for the directory API"))
                .build());
    }
}
