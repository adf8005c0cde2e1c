package com.dominusleads.events.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Apicurio wire format of an event value: magic byte 0, the schema's 4-byte content id, the Avro binary body.
 * What every producer writes, whether through the outbox or straight to Kafka (tools, benchmarks).
 */
public final class WireFormat {

    private static final byte MAGIC_BYTE = 0;
    private static final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();

    private WireFormat() {
    }

    /** {@code event} framed with {@code contentId}, the registry's id of its schema. */
    public static byte[] encode(int contentId, SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(contentId).array());
        SpecificDatumWriter<SpecificRecord> writer = WRITERS.computeIfAbsent(event.getClass(),
                // The generated class's own model carries its logical-type conversions (timestamps as Instant).
                type -> new SpecificDatumWriter<>(event.getSchema(), SpecificData.getForClass(type)));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + event.getSchema().getFullName(), e);
        }
        return out.toByteArray();
    }
}
