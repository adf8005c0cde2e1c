package com.dominusleads.launcher.events;

import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.events.registry.WireFormat;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Event values back to records, read with the schema they were written with: the one the registry holds for the
 * content id framing each value, as a partner's deserializer reads them (whatever version of the contract wrote it).
 */
final class EventDecoder {

    private final SchemaRegistrar registry;
    private final Map<Long, GenericDatumReader<GenericRecord>> readers = new HashMap<>();

    EventDecoder(SchemaRegistrar registry) {
        this.registry = registry;
    }

    /** @throws IllegalArgumentException when {@code value} is not in the Apicurio Avro wire format */
    GenericRecord decode(byte[] value) throws IOException {
        GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(WireFormat.contentId(value),
                contentId -> new GenericDatumReader<>(registry.schemaOf(contentId)));
        return reader.read(null, WireFormat.body(value));
    }
}
