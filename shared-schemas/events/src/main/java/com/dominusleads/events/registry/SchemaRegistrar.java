package com.dominusleads.events.registry;

import com.dominusleads.events.EventCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Registers event schemas in Apicurio Registry (REST API v3) under the names the Apicurio serdes look up
 * ({@code <topic>-value} in the {@code default} group), with a global backward compatibility rule, transitive: a new
 * version that cannot read the data written with every earlier version is refused with
 * {@link IncompatibleSchemaException} (plain BACKWARD would only compare it with the latest one, and consumers may
 * still replay records written with any of them). Registration is idempotent: the same content returns the existing
 * version. It also looks schemas up by content id, as a deserializer does with the id framing each value.
 */
public final class SchemaRegistrar {

    public static final String GROUP = "default";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param api the registry's v3 API root, e.g. {@code http://127.0.0.1:18081/apis/registry/v3} */
    public SchemaRegistrar(URI api) {
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
    }

    /** The artifact id the Apicurio serdes' default TopicIdStrategy uses for a topic's values. */
    public static String artifactIdOf(String topic) {
        return topic + "-value";
    }

    /** Makes BACKWARD_TRANSITIVE the registry-wide compatibility rule (creates it, or updates an existing one). */
    public void requireBackwardCompatibility() {
        ObjectNode rule = JSON.createObjectNode().put("ruleType", "COMPATIBILITY").put("config", "BACKWARD_TRANSITIVE");
        HttpResponse<String> created = send("POST", "admin/rules", rule);
        if (created.statusCode() == 409) {
            expectSuccess(send("PUT", "admin/rules/COMPATIBILITY", rule), "update the global compatibility rule");
        } else {
            expectSuccess(created, "create the global compatibility rule");
        }
    }

    /**
     * Registers every topic's schema from {@link EventCatalog}, in topic order, under the BACKWARD_TRANSITIVE rule
     * (enforced first, so that an incompatible change is refused rather than registered).
     */
    public List<RegisteredSchema> registerCatalog() {
        requireBackwardCompatibility();
        List<RegisteredSchema> registered = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : EventCatalog.schemasByTopic().entrySet()) {
            registered.add(register(entry.getKey(), entry.getValue().toString()));
        }
        return registered;
    }

    /**
     * Registers a schema version for a topic: the first version creates the artifact, identical content returns the
     * existing version, different content becomes a new version if the compatibility rule accepts it.
     */
    public RegisteredSchema register(String topic, String avroSchemaJson) {
        String artifactId = artifactIdOf(topic);
        ObjectNode content = JSON.createObjectNode().put("content", avroSchemaJson).put("contentType", "application/json");
        ObjectNode body = JSON.createObjectNode().put("artifactId", artifactId).put("artifactType", "AVRO");
        body.putObject("firstVersion").set("content", content);
        HttpResponse<String> response = send("POST",
                "groups/" + GROUP + "/artifacts?ifExists=FIND_OR_CREATE_VERSION&canonical=true", body);
        if (isRuleViolation(response)) {
            throw new IncompatibleSchemaException(topic, describeViolation(response.body()));
        }
        JsonNode version = expectSuccess(response, "register the schema of " + topic).path("version");
        return new RegisteredSchema(topic, artifactId, version.path("version").asText(),
                version.path("globalId").asLong(), version.path("contentId").asLong());
    }

    /**
     * The schema whose content has the registry id {@code contentId} (see {@link WireFormat#contentId}).
     *
     * @throws IllegalStateException when the registry has no such content
     */
    public Schema schemaOf(long contentId) {
        HttpResponse<String> response = send("GET", "ids/contentIds/" + contentId, null);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Apicurio Registry at " + api + " has no schema with content id "
                    + contentId + " (HTTP " + response.statusCode() + ")");
        }
        return new Schema.Parser().parse(response.body());
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Apicurio Registry at " + api + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Apicurio Registry", e);
        }
    }

    private JsonNode expectSuccess(HttpResponse<String> response, String action) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Could not " + action + ": Apicurio Registry answered "
                    + response.statusCode() + " " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRuleViolation(HttpResponse<String> response) {
        return (response.statusCode() == 400 || response.statusCode() == 409)
                && response.body().contains("RuleViolationException");
    }

    private static String describeViolation(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            List<String> causes = new ArrayList<>();
            problem.path("causes").forEach(c -> causes.add(c.path("context").asText() + ": " + c.path("description").asText()));
            String detail = problem.path("detail").asText(problem.path("title").asText(body));
            return causes.isEmpty() ? detail : detail + " " + causes;
        } catch (IOException e) {
            return body;
        }
    }

}
