package com.dominusleads.systemtests;

import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Calls the suite's APIs as its users do (a bearer token from Keycloak). Qualifying and granting keep calling through
 * crashes: a request that fails for lack of an answer is repeated until the service answers, which the APIs make safe
 * (qualifying a company twice, or repeating a grant id, changes nothing); any other call is made once.
 */
final class SuiteClient {

    static final String PASSWORD = "dominus";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    private final EphemeralSuite suite;
    private final PasswordTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SuiteClient(EphemeralSuite suite) {
        this.suite = suite;
        this.tokens = new PasswordTokens(suite.tokenEndpoint());
    }

    /** Marks a company qualified for {@code tenant} (its {@code -sales} user); returns the HTTP status (200 or 201). */
    int qualify(String tenant, String cnpj) {
        String body = "{\"cnpj\":\"" + cnpj + "\",\"qualificationRunId\":\"fault-run\",\"score\":80}";
        return post("leads-service", "/api/leads/qualifications", tenant + "-sales", body);
    }

    /** Grants credits to {@code tenant} as the host operator, once per {@code grantId}. */
    int grant(String tenant, String grantId, long credits) {
        String body = "{\"grantId\":\"" + grantId + "\",\"credits\":" + credits + ",\"reason\":\"PURCHASE\"}";
        return post("ledger-service", "/api/ledger/tenants/" + tenant + "/grants", "operator", body);
    }

    /** GET with a token of the caller's choosing (forged, expired…): the raw answer. */
    HttpResponse<String> getWithToken(String instance, String path, String token) {
        return send(HttpRequest.newBuilder(suite.instance(instance).url(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    /**
     * Calls {@code path} once as {@code user}, with {@code json} as the body (or none when null): the JSON answer,
     * which must have HTTP status {@code expected}.
     */
    JsonNode call(String method, String instance, String path, String user, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.instance(instance).url(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.of(user, password(user)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered HTTP " + response.statusCode() + ", expected "
                    + expected + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    private int post(String instance, String path, String user, String json) {
        Instant deadline = Instant.now().plus(GIVE_UP);
        String lastProblem = "no attempt";
        while (Instant.now().isBefore(deadline)) {
            try {
                URI uri = suite.instance(instance).url(path);
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + tokens.of(user, password(user)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    if (response.statusCode() >= 300) {
                        throw new AssertionError("POST " + path + " refused (HTTP " + response.statusCode() + "): "
                                + response.body());
                    }
                    return response.statusCode();
                }
                lastProblem = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException | IllegalStateException unreachable) {
                lastProblem = unreachable.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new AssertionError("POST " + path + " did not succeed within " + GIVE_UP + ": " + lastProblem);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String password(String user) {
        return user.equals("operator") ? "operator" : PASSWORD;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
