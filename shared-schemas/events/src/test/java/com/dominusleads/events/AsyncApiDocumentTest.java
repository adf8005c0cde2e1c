package com.dominusleads.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document partners read must describe exactly the topics, keys, headers and schemas we publish. */
class AsyncApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/dominus/asyncapi/dominusleads.asyncapi.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithOneChannelPerTopic() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyMessagePayloadIsTheRegisteredAvroSchemaOfItsTopic() throws IOException {
        for (JsonNode channel : document.path("channels")) {
            String topic = channel.path("address").asText();
            JsonNode message = resolve(channel.path("messages").elements().next().path("$ref").asText());
            String schemaRef = message.path("payload").path("schema").path("$ref").asText();
            assertThat(schemaRef).as("schema of %s", topic).isEqualTo("../avro/" + topic + ".avsc");
            // Resolved as a reader would: relative to the document, inside the published jar.
            try (InputStream avsc = getClass().getResourceAsStream("/dominus/asyncapi/" + schemaRef)) {
                assertThat(avsc).as("%s exists", schemaRef).isNotNull();
                Schema schema = new Schema.Parser().parse(avsc);
                assertThat(EventCatalog.topicOf(schema)).as("topic declared by %s", schemaRef).isEqualTo(topic);
            }
            assertThat(message.path("payload").path("schemaFormat").asText()).startsWith("application/vnd.apache.avro");
        }
    }

    @Test
    void everyMessageDocumentsTheEventHeaders() {
        JsonNode headers = document.path("components").path("messageTraits").path("outboxEvent").path("headers").path("properties");
        assertThat(headers.has(EventHeaders.ID)).isTrue();
        assertThat(headers.has(EventHeaders.EVENT_TYPE)).isTrue();
        assertThat(headers.has(EventHeaders.TENANT_ID)).isTrue();
        assertThat(headers.has(EventHeaders.TRACEPARENT)).isTrue();
        document.path("components").path("messages").forEach(message ->
                assertThat(message.path("traits").get(0).path("$ref").asText())
                        .isEqualTo("#/components/messageTraits/outboxEvent"));
    }

    @Test
    void recordKeysAreDocumentedAsTheSchemasDeclareThem() {
        for (JsonNode message : document.path("components").path("messages")) {
            String topic = message.path("name").asText();
            String key = EventCatalog.schemaOf(topic).orElseThrow().getProp(EventCatalog.KEY_PROPERTY);
            String description = message.path("bindings").path("kafka").path("key").path("description").asText();
            if ("tenantId".equals(key)) {
                assertThat(description).as(topic).isEqualTo("The tenant id.");
            } else {
                assertThat(description).as(topic).contains("`" + key + "`");
            }
        }
    }

    private static JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
