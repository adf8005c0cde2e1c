package com.dominusleads.servicekit.apikeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own access token (client credentials of the realm's {@code dominus-services} client, realm role
 * {@code service}), for calls between suite services. Kept until shortly before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final URI tokenEndpoint;
    private final String clientId;
    private final Optional<String> clientSecret;
    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public ServiceToken(ObjectMapper json,
                        @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                        @ConfigProperty(name = "dominus.services.client-id", defaultValue = "dominus-services")
                        String clientId,
                        @ConfigProperty(name = "dominus.services.client-secret") Optional<String> clientSecret) {
        this.json = json;
        this.tokenEndpoint = URI.create(realmUrl.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret.filter(secret -> !secret.isBlank());
    }

    public boolean configured() {
        return clientSecret.isPresent();
    }

    public Uni<String> get() {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return Uni.createFrom().item(token);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret.orElseThrow(() -> new IllegalStateException(
                "dominus.services.client-secret (DOMINUS_SERVICES_SECRET) is not set")));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("Keycloak refused this service's client credentials: HTTP "
                                + response.statusCode());
                    }
                    try {
                        JsonNode body = json.readTree(response.body());
                        token = body.path("access_token").asText();
                        renewAt = Instant.now().plusSeconds(body.path("expires_in").asLong(60)).minus(EARLY);
                        return token;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("Keycloak's token response is not JSON", e);
                    }
                });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
