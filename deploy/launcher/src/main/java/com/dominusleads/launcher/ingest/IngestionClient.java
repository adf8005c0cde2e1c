package com.dominusleads.launcher.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The ingestion service's admin API as the launcher calls it (as a host operator). */
public final class IngestionClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public IngestionClient(URI base, Supplier<String> token) {
        this.base = base;
        this.token = token;
    }

    /** Starts the ingestion of {@code source} (a directory on the service's machine, or a URL); the job's JSON. */
    public JsonNode ingest(String releaseId, String source) throws IOException, InterruptedException {
        return send("POST", "/api/ingestion/releases", Map.of("releaseId", releaseId, "source", source), 202);
    }

    /** The release with its progress and jobs. */
    public JsonNode release(String releaseId) throws IOException, InterruptedException {
        return send("GET", "/api/ingestion/releases/" + releaseId, null, 200);
    }

    public JsonNode job(long id) throws IOException, InterruptedException {
        return send("GET", "/api/ingestion/jobs/" + id, null, 200);
    }

    private JsonNode send(String method, String path, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            String message = response.body();
            try {
                message = JSON.readTree(response.body()).path("error").path("message").asText(message);
            } catch (IOException notJson) {
                // keep the raw body
            }
            throw new IngestionApiException(response.statusCode(), message);
        }
        return JSON.readTree(response.body());
    }

    /** The service refused a request; the message is the service's own. */
    public static final class IngestionApiException extends IOException {

        private final int status;

        IngestionApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
