package com.dominusleads.servicekit.tenancy;

import com.dominusleads.servicekit.apikeys.ApiKeyAuthenticationMechanism;
import com.dominusleads.servicekit.apikeys.HostApiKey;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The credential the current caller authenticated with, to forward to another suite service that must apply its own
 * rules to the same caller (never a wider one of this service's): its access token as a bearer, or, for a machine
 * authenticated with a host API key (an identity without a token), that key. Read it while serving the request.
 */
@RequestScoped
public class CallerCredential {

    /** At most one of the two is set; neither for an anonymous caller (the other service then answers 401). */
    public record Headers(String authorization, String apiKey) {
    }

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final HttpServerRequest request;

    public CallerCredential(SecurityIdentity identity, JsonWebToken token, HttpServerRequest request) {
        this.identity = identity;
        this.token = token;
        this.request = request;
    }

    public Headers headers() {
        if (identity.getPrincipal() instanceof JsonWebToken) {
            String raw = token.getRawToken();
            return new Headers(raw == null || raw.isBlank() ? null : "Bearer " + raw, null);
        }
        String apiKey = identity.isAnonymous() ? null : request.getHeader(ApiKeyAuthenticationMechanism.HEADER);
        return new Headers(null, HostApiKey.looksLikeOne(apiKey) ? apiKey.strip() : null);
    }
}
