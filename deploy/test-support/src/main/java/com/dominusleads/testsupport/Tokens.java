package com.dominusleads.testsupport;

import com.dominusleads.stack.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the test Keycloak ({@link TestStack#keycloak()}, started on first use), fetched the way clients
 * fetch them, so a service under test verifies tokens Keycloak really signed.
 */
public final class Tokens {

    /** The realm's public client allowed to use the password grant (scripts and tests; no production realm has it). */
    public static final String CLI_CLIENT = "dominus-cli";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keycloak refused the grant: e.g. 400 {@code invalid_grant} for a wrong password (RFC 6749 §5.2). */
    public static final class Refused extends RuntimeException {

        private final int status;
        private final String error;

        Refused(int status, String error, String body) {
            super("Keycloak refused the token request with HTTP " + status + ": " + body);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        /** The OAuth error code, e.g. {@code invalid_grant}, {@code unauthorized_client}. */
        public String error() {
            return error;
        }
    }

    private Tokens() {
    }

    /** A user's access token in the {@code dominus} realm (password grant through {@link #CLI_CLIENT}). */
    public static String password(String username, String password) {
        return token(KeycloakServer.REALM, Map.of(
                "grant_type", "password",
                "client_id", CLI_CLIENT,
                "username", username,
                "password", password));
    }

    /** A confidential client's own access token in the {@code dominus} realm (service-to-service calls). */
    public static String clientCredentials(String clientId, String secret) {
        return token(KeycloakServer.REALM, Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    }

    /**
     * The master realm administrator's token, for the admin REST API ({@code /admin/realms/…}): only for tests that
     * inspect or arrange Keycloak itself, never for the code under test. It expires after a minute.
     */
    public static String adminConsole() {
        return token("master", Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", TestStack.KEYCLOAK_ADMIN,
                "password", TestStack.KEYCLOAK_ADMIN_PASSWORD));
    }

    /** A token's claims, read without checking its signature: for assertions, the service under test verifies it. */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a JWT: " + parts.length + " parts");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable JWT payload: " + e.getMessage(), e);
        }
    }

    private static String token(String realm, Map<String, String> form) {
        URI endpoint = URI.create(TestStack.keycloak() + "/realms/" + realm + "/protocol/openid-connect/token");
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = parse(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new Refused(response.statusCode(), json.path("error").asText(null), response.body());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Token request to " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting a token from " + endpoint, e);
        }
    }

    /** The response as JSON; an error page that is not JSON reads as empty (its body goes into {@link Refused}). */
    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
