package com.dominusleads.launcher.demo;

import com.dominusleads.launcher.LauncherException;
import com.dominusleads.launcher.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Finishes a local account the way its owner would through the invitation e-mail: a password, the address verified,
 * nothing left to do at first login. Through Keycloak's admin API as the local server admin (local stacks only).
 */
final class KeycloakAccounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakAccounts(LocalStack stack) {
        this.stack = stack;
    }

    void activate(String email, String password) {
        try {
            String admin = adminToken();
            URI users = URI.create(stack.keycloakUrl() + "/admin/realms/dominus/users");
            JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&email="
                    + ServiceApi.query(email))).GET(), admin, 200));
            if (found.isEmpty()) {
                throw new LauncherException("Keycloak has no user " + email + " (host-service should have created it)");
            }
            String id = found.get(0).path("id").asText();
            send(HttpRequest.newBuilder(URI.create(users + "/" + id)).PUT(HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("emailVerified", true, "requiredActions", List.of())))), admin, 204);
            send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/reset-password")).PUT(
                    HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "password",
                            "value", password, "temporary", false)))), admin, 204);
        } catch (LauncherException e) {
            throw e;
        } catch (Exception e) {
            throw new LauncherException("could not set up " + email + " in Keycloak: " + e.getMessage());
        }
    }

    private String adminToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + LocalStack.KEYCLOAK_ADMIN + "&password=" + LocalStack.KEYCLOAK_ADMIN_PASSWORD)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new LauncherException("Keycloak refused its local admin (HTTP " + response.statusCode() + ")");
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private String send(HttpRequest.Builder request, String token, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new LauncherException("Keycloak answered HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
