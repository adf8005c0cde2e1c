package com.dominusleads.simulatorkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small real-HTTP client for tests against a simulator: java.net.http over HTTP/1.1, bodies as strings, JSON as
 * Jackson trees. Each simulator's tests extend it with what their API needs (admin calls, its authentication).
 */
public class SimulatorHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String[] headers;

    /** A client for {@code base} that sends {@code headers} (name, value, …) on every request. */
    public SimulatorHttp(URI base, String... headers) {
        this.base = base;
        this.headers = headers;
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> delete(String path, String... headers) throws IOException {
        return send(request(path, headers).DELETE().build());
    }

    /** A JSON body. */
    public HttpResponse<String> post(String path, String json, String... headers) throws IOException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json, String... headers) throws IOException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A form body, as Stripe's and Twilio's APIs take it. */
    public HttpResponse<String> postForm(String path, String form, String... headers) throws IOException {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A request to {@code path} with this client's headers and {@code headers}, for a test that builds its own. */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (this.headers.length > 0) {
            builder.headers(this.headers);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
