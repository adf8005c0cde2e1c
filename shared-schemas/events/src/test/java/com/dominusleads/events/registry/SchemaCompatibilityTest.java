package com.dominusleads.events.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.events.EventCatalog;
import com.dominusleads.events.Topics;
import com.dominusleads.stack.ApicurioRegistry;
import com.dominusleads.stack.ChildProcess;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.MavenArtifact;
import com.dominusleads.stack.Owner;
import com.dominusleads.stack.Ports;
import com.dominusleads.stack.StackHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema contract, checked by a real Apicurio Registry with the BACKWARD rule: every current schema can read
 * everything written with the published versions, and the registry refuses a change that could not.
 */
class SchemaCompatibilityTest {

    private static final Path PUBLISHED = Path.of("src/published");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SchemaRegistrar registrar;

    @BeforeAll
    static void startRegistry() throws IOException {
        StackHome home = StackHome.locate();
        Path distribution = new DistributionCache(home.distributions(), message -> { }).unpacked(MavenArtifact.APICURIO_REGISTRY);
        Path work = Owner.scratchDirectory("apicurio");
        int port = Ports.free();
        ChildProcess.startReady(ApicurioRegistry.prepare(distribution, work, port, Ports.free(), null, null, null),
                work.resolve("apicurio.log"), Duration.ofMinutes(3));
        registrar = new SchemaRegistrar(ApicurioRegistry.apiUri(port));
        registrar.requireBackwardCompatibility();
    }

    @Test
    void everyCurrentSchemaIsBackwardCompatibleWithEveryPublishedVersion() throws IOException {
        for (String topic : Topics.ALL) {
            List<Path> published = publishedVersions(topic);
            assertThat(published).as("published versions of %s", topic).isNotEmpty();
            for (Path version : published) {
                registrar.register(topic, Files.readString(version));
            }
            String current = EventCatalog.schemaOf(topic).orElseThrow().toString();
            RegisteredSchema registered = registrar.register(topic, current);
            assertThat(registered.artifactId()).isEqualTo(topic + "-value");
        }
    }

    @Test
    void registeringTheSameSchemaAgainChangesNothing() {
        String schema = EventCatalog.schemaOf(Topics.LEAD_QUALIFIED).orElseThrow().toString();
        String topic = "probe.idempotent";

        RegisteredSchema first = registrar.register(topic, schema);
        RegisteredSchema again = registrar.register(topic, schema);

        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.contentId()).isEqualTo(first.contentId());
    }

    @Test
    void aNewRequiredFieldIsRefusedBecauseOldEventsLackIt() {
        String topic = "probe.required-field";
        registrar.register(topic, creditDebited(""));

        assertThatThrownBy(() -> registrar.register(topic, creditDebited(
                ",{\"name\":\"currency\",\"type\":\"string\"}")))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("not BACKWARD compatible");
    }

    @Test
    void aChangedFieldTypeIsRefused() {
        String topic = "probe.changed-type";
        registrar.register(topic, creditDebited(""));

        assertThatThrownBy(() -> registrar.register(topic, creditDebited("").replace(
                "\"name\":\"credits\",\"type\":\"long\"", "\"name\":\"credits\",\"type\":\"string\"")))
                .isInstanceOf(IncompatibleSchemaException.class);
    }

    @Test
    void aChangeIsCheckedAgainstEveryEarlierVersionNotOnlyTheLatest() throws IOException {
        String topic = "probe.transitive";
        registrar.register(topic, creditDebited(""));
        // v2 drops "credits" (it can read v1), v3 brings it back as a string with a default (it can read v2),
        // but v3 cannot read v1's long credits: only a transitive rule sees that.
        registrar.register(topic, withField(creditDebited(""), "credits", null));

        assertThatThrownBy(() -> registrar.register(topic, withField(creditDebited(""), "credits",
                "{\"name\":\"credits\",\"type\":\"string\",\"default\":\"\"}")))
                .isInstanceOf(IncompatibleSchemaException.class);
    }

    /** {@code schema} with field {@code name} replaced by {@code field} (JSON), or removed when it is null. */
    private static String withField(String schema, String name, String field) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(schema);
        ArrayNode fields = JSON.createArrayNode();
        for (JsonNode existing : record.get("fields")) {
            if (!name.equals(existing.get("name").asText())) {
                fields.add(existing);
            } else if (field != null) {
                fields.add(JSON.readTree(field));
            }
        }
        record.set("fields", fields);
        return record.toString();
    }

    @Test
    void aNewFieldWithADefaultIsAcceptedAsTheNextVersion() {
        String topic = "probe.optional-field";
        RegisteredSchema first = registrar.register(topic, creditDebited(""));

        RegisteredSchema second = registrar.register(topic, creditDebited(
                ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}"));

        assertThat(Integer.parseInt(second.version())).isEqualTo(Integer.parseInt(first.version()) + 1);
        assertThat(second.contentId()).isNotEqualTo(first.contentId());
    }

    /** The current credit.debited schema in compact JSON, with {@code extraFields} appended to its field list. */
    private static String creditDebited(String extraFields) {
        String schema = EventCatalog.schemaOf(Topics.CREDIT_DEBITED).orElseThrow().toString();
        int end = schema.lastIndexOf("]");
        return schema.substring(0, end) + extraFields + schema.substring(end);
    }

    private static List<Path> publishedVersions(String topic) throws IOException {
        Path dir = PUBLISHED.resolve(topic);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".avsc"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replace(".avsc", ""))))
                    .toList();
        }
    }
}
