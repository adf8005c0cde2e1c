package com.dominusleads.servicekit.apikeys;

import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.api.ApiException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Machine access with a host API key ({@code X-API-KEY: dlk_…}, created by a host operator in host-service): the
 * key's scopes become the caller's roles and its tenant (if any) the caller's tenant, exactly as a token's would.
 * Requests without such a header are left to the bearer-token mechanism. host-service decides (introspection);
 * this service only asks and remembers the answer briefly.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-KEY";
    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticationMechanism.class);

    private final ApiKeyIntrospector introspector;

    public ApiKeyAuthenticationMechanism(ApiKeyIntrospector introspector) {
        this.introspector = introspector;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HEADER);
        if (!HostApiKey.looksLikeOne(header)) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        HostApiKey key = HostApiKey.parse(header).orElse(null);
        if (key == null || !introspector.configured()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(key == null
                    ? "malformed API key" : "this service is not configured to check API keys"));
        }
        // The JDK HTTP client answers on its own threads: the request goes on on its Vert.x context, as it began.
        Context vertxContext = Vertx.currentContext();
        return introspector.introspect(key)
                .emitOn(command -> {
                    if (vertxContext == null) {
                        command.run();
                    } else {
                        vertxContext.runOnContext(ignored -> command.run());
                    }
                })
                .onFailure().transform(failure -> {
                    // Not the key's fault: 503, so that its holder retries instead of throwing a good key away.
                    LOG.warnf("API key %s could not be checked: %s", key, failure.getMessage());
                    return new ApiException(503, "api_key_check_unavailable",
                            "Your API key could not be checked right now; retry shortly.", Map.of(), 5);
                })
                .map(answer -> {
                    if (!answer.active() || (answer.expiresAt() != null && answer.expiresAt().isBefore(Instant.now()))) {
                        throw new AuthenticationFailedException("API key is revoked, expired or unknown");
                    }
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal("api-key:" + answer.keyId()))
                            .addRoles(Set.copyOf(answer.scopes()));
                    if (answer.tenantId() != null) {
                        identity.addAttribute(Caller.TENANT_CLAIM, answer.tenantId());
                    }
                    return identity.build();
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
