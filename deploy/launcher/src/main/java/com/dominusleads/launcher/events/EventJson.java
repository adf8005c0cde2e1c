package com.dominusleads.launcher.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * An event as plain JSON for people and {@code jq}: fields by name, a union's value without Avro's type wrapper,
 * timestamps as ISO-8601 instants rather than epoch milliseconds.
 */
final class EventJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    static JsonNode of(GenericRecord event) {
        return value(event.getSchema(), event);
    }

    private static JsonNode value(Schema schema, Object datum) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli((Long) datum).toString());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            long micros = (Long) datum;
            return NODES.textNode(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L).toString());
        }
        return switch (schema.getType()) {
            case RECORD -> {
                ObjectNode record = NODES.objectNode();
                GenericRecord fields = (GenericRecord) datum;
                schema.getFields().forEach(field -> record.set(field.name(), value(field.schema(), fields.get(field.pos()))));
                yield record;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                ((Iterable<?>) datum).forEach(item -> array.add(value(schema.getElementType(), item)));
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                ((Map<?, ?>) datum).forEach((key, item) -> map.set(key.toString(), value(schema.getValueType(), item)));
                yield map;
            }
            case UNION -> value(schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)), datum);
            case STRING, ENUM -> NODES.textNode(datum.toString());
            case INT -> NODES.numberNode((Integer) datum);
            case LONG -> NODES.numberNode((Long) datum);
            case FLOAT -> NODES.numberNode((Float) datum);
            case DOUBLE -> NODES.numberNode((Double) datum);
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) datum).bytes()));
            case NULL -> NODES.nullNode();
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
