package com.dominusleads.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event type: its topic and its Avro schema as published (the {@code .avsc} contract files shipped in this
 * jar, which is what the registry holds; the generated classes add Java-only properties). The topic and the
 * record-key field are properties of the schema itself ({@code dominus.topic}, {@code dominus.key}), so partners
 * reading the registry see the same rule.
 */
public final class EventCatalog {

    /** Schema property naming the topic the schema belongs to. */
    public static final String TOPIC_PROPERTY = "dominus.topic";
    /** Schema property naming the field whose value is the Kafka record key. */
    public static final String KEY_PROPERTY = "dominus.key";

    private static final String SCHEMA_RESOURCES = "/dominus/avro/";

    private static final Map<String, Schema> BY_TOPIC = index();

    private EventCatalog() {
    }

    /** Topic → value schema, in {@link Topics#ALL} order. */
    public static Map<String, Schema> schemasByTopic() {
        return BY_TOPIC;
    }

    public static Optional<Schema> schemaOf(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }

    /** The topic an event is published on. */
    public static String topicOf(SpecificRecord event) {
        return topicOf(event.getSchema());
    }

    public static String topicOf(Schema schema) {
        String topic = schema.getProp(TOPIC_PROPERTY);
        if (topic == null) {
            throw new IllegalArgumentException(schema.getFullName() + " has no " + TOPIC_PROPERTY + " property");
        }
        return topic;
    }

    /**
     * The record key: the tenant id (per-tenant ordering) unless the schema names another field, as
     * {@code directory.release-ingested} does with its release id.
     */
    public static String recordKeyOf(SpecificRecord event) {
        Schema schema = event.getSchema();
        String field = schema.getProp(KEY_PROPERTY);
        Schema.Field keyField = field == null ? null : schema.getField(field);
        if (keyField == null) {
            throw new IllegalArgumentException(schema.getFullName() + " names no valid " + KEY_PROPERTY + " field");
        }
        Object key = event.get(keyField.pos());
        if (key == null) {
            throw new IllegalArgumentException(schema.getFullName() + "." + field + " (the record key) is null");
        }
        return key.toString();
    }

    private static Map<String, Schema> index() {
        Map<String, Schema> byTopic = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            try (InputStream avsc = EventCatalog.class.getResourceAsStream(SCHEMA_RESOURCES + topic + ".avsc")) {
                if (avsc == null) {
                    throw new IllegalStateException("No schema file for topic " + topic);
                }
                Schema schema = new Schema.Parser().parse(avsc);
                if (!topic.equals(topicOf(schema))) {
                    throw new IllegalStateException(topic + ".avsc declares " + TOPIC_PROPERTY + "=" + topicOf(schema));
                }
                byTopic.put(topic, schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(byTopic);
    }
}
