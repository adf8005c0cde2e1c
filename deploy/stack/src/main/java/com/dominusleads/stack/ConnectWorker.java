package com.dominusleads.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kafka Connect worker in distributed mode running the Debezium Postgres plugin, with exactly-once source support
 * (records and source offsets committed in one Kafka transaction), and a client for its REST API.
 */
public final class ConnectWorker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectWorker(int restPort) {
        this.rest = URI.create("http://127.0.0.1:" + restPort + "/");
    }

    public static ProcessSpec prepare(StackHome home, Path dir, String bootstrapServers, int restPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", "dominus-connect");
        config.put("listeners", "http://127.0.0.1:" + restPort);
        config.put("rest.advertised.host.name", "127.0.0.1");
        config.put("rest.advertised.port", String.valueOf(restPort));
        config.put("config.storage.topic", "dominus-connect-configs");
        config.put("offset.storage.topic", "dominus-connect-offsets");
        config.put("status.storage.topic", "dominus-connect-status");
        config.put("config.storage.replication.factor", "1");
        config.put("offset.storage.replication.factor", "1");
        config.put("status.storage.replication.factor", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("exactly.once.source.support", "enabled");
        config.put("offset.flush.interval.ms", "1000");
        config.put("plugin.path", home.connectPlugins().toString());
        config.put("plugin.discovery", "hybrid_warn");
        Path configDir = dir.resolve("config");
        Path properties = KafkaDistribution.writeConfig(configDir, "connect-distributed.properties", config);
        return new ProcessSpec("connect",
                KafkaDistribution.command(home, configDir, "512m",
                        "org.apache.kafka.connect.cli.ConnectDistributed", properties.toString()),
                // /health answers 200 only once the worker has joined its group and read its config topic.
                dir, Map.of(), URI.create("http://127.0.0.1:" + restPort + "/health"));
    }

    /**
     * Creates a connector or updates its config (a PUT restarts it even when nothing changed). Retries while the
     * worker is rebalancing (HTTP 409) or still starting (503).
     */
    public void upsertConnector(String name, Map<String, String> config) {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            response = send(HttpRequest.newBuilder(rest.resolve("connectors/" + name + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(write(config))));
            if (response.statusCode() != 409 && response.statusCode() != 503) {
                break;
            }
            pause(Duration.ofSeconds(1));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Connect refused connector " + name + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /** Restarts the connector's failed instance and tasks (after its database or Kafka came back). */
    /** Removes the connector (its offsets stay in Kafka: registered again, it resumes where it stopped). */
    public void deleteConnector(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(rest.resolve("connectors/" + name)).DELETE());
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IllegalStateException("Connect could not delete " + name + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    public void restartFailed(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        rest.resolve("connectors/" + name + "/restart?includeTasks=true&onlyFailed=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Connect could not restart " + name + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the connector and its tasks run. A failed one is restarted once: its database or Kafka may have
     * come back since it failed (a plain PUT of the same config does not revive failed tasks).
     */
    public void awaitRunning(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        boolean restarted = false;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (isRunning(name)) {
                    return;
                }
            } catch (IllegalStateException failed) {
                if (restarted) {
                    throw failed;
                }
                restartFailed(name);
                restarted = true;
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Connector " + name + " did not reach RUNNING within " + timeout.toSeconds() + " s");
    }

    /**
     * Restarts the connector's failed tasks, as an operator (or Strimzi's auto-restart) would after Kafka or the
     * database came back; true if it had to. A worker that does not answer fails with {@link UncheckedIOException}.
     */
    public boolean restartIfFailed(String name) {
        try {
            isRunning(name);
            return false;
        } catch (IllegalStateException failed) {
            restartFailed(name);
            return true;
        }
    }

    /** True once the connector and all its tasks report RUNNING; fails fast when one reports FAILED. */
    public boolean isRunning(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(rest.resolve("connectors/" + name + "/status")).GET());
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode status = read(response.body());
        String connector = status.path("connector").path("state").asText();
        boolean tasksRunning = status.path("tasks").size() > 0;
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                throw new IllegalStateException("Connector " + name + " task failed: " + task.path("trace").asText());
            }
            tasksRunning &= "RUNNING".equals(task.path("state").asText());
        }
        if ("FAILED".equals(connector)) {
            throw new IllegalStateException("Connector " + name + " failed: " + status.path("connector").path("trace").asText());
        }
        return "RUNNING".equals(connector) && tasksRunning;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka Connect at " + rest + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
