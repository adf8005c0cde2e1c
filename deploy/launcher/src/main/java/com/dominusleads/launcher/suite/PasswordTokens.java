package com.dominusleads.launcher.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from Keycloak for scripted users (the realm's {@code dominus-cli} client, password grant), renewed a
 * little before they expire. For the local demo and the system tests; the web UI signs in with PKCE instead.
 */
public final class PasswordTokens {

    private static final String CLIENT = "dominus-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, Instant renewAfter) {
    }

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public PasswordTokens(URI tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** A valid access token of {@code username}. */
    public String of(String username, String password) {
        Token token = tokens.get(username);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            token = request(username, password);
            tokens.put(username, token);
        }
        return token.value();
    }

    private Token request(String username, String password) {
        String form = "grant_type=password&client_id=" + CLIENT + "&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + " (HTTP "
                        + response.statusCode() + "): " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            long lifetime = body.path("expires_in").asLong(60);
            return new Token(body.path("access_token").asText(), Instant.now().plusSeconds(Math.max(5, lifetime / 2)));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + tokenEndpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
