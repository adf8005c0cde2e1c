package com.dominusleads.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The provider simulator's admin API ({@code /_simulator}, see docs/provider-simulator.md), as benchmarks and the demo use it. */
public final class ProviderSimulatorAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    public ProviderSimulatorAdmin(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** The simulator's own base URL: Meta's API root. */
    URI base() {
        return base;
    }

    /** Merges {@code patch} (JSON Merge Patch) into the configuration. */
    public void configure(String patch) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(base.resolve("/_simulator/config")).POST(HttpRequest.BodyPublishers.ofString(patch)));
    }

    /** How many sends match {@code query}, e.g. {@code provider=meta&accepted=true&account=…}. */
    long sends(String query) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(base.resolve("/_simulator/sends/count?" + query)).GET()).path("count").asLong();
    }

    /** Forgets every send, webhook and contact (the configuration stays): a run's logs do not weigh on the next. */
    void reset() throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(base.resolve("/_simulator/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Waits until every status and reply under way has been posted; false if some still are after {@code timeout}. */
    boolean awaitIdle(Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        base.resolve("/_simulator/await?timeoutMillis=" + timeout.toMillis()))
                .timeout(timeout.plusSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("provider simulator: " + response.request().method() + " "
                    + response.request().uri() + " answered HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
