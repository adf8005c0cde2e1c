package com.dominusleads.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny real-HTTP client for the tests: java.net.http, HTTP/1.1, bodies as strings and Jackson trees. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "test-key";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String[] headers;

    /** A client for {@code base} that sends {@code headers} (name, value, …) on every request. */
    Http(URI base, String... headers) {
        this.base = base;
        this.headers = headers;
    }

    static Http withKey(ApiCnaesSimulator simulator) {
        return new Http(simulator.baseUri(), "X-API-KEY", KEY);
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String body) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
