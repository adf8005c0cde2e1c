package com.dominusleads.launcher.demo;

import com.dominusleads.launcher.LauncherException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A suite service's JSON API as one user calls it (a bearer token per call). An answer other than the expected one
 * stops the demo with the service's own error message and what to check.
 */
final class ServiceApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServiceApi(String name, URI base, Supplier<String> token) {
        this.name = name;
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path) {
        return call("GET", path, null, 200);
    }

    JsonNode post(String path, Object body, int expected) {
        return call("POST", path, body, expected);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode call(String method, String path, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json");
        try {
            request.header("Content-Type", "application/json").method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                String message = response.body();
                try {
                    JsonNode error = JSON.readTree(response.body()).path("error");
                    message = error.path("code").asText() + ": " + error.path("message").asText(message);
                } catch (IOException notJson) {
                    // keep the raw body
                }
                throw new LauncherException(name + " answered " + method + " " + path + " with HTTP "
                        + response.statusCode() + " (" + message + "); its log: ./dominus logs " + name);
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (ConnectException e) {
            throw new LauncherException(name + " does not answer at " + base + ": is the stack up? (./dominus up,"
                    + " ./dominus status)");
        } catch (IOException e) {
            throw new LauncherException(name + ": " + method + " " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
