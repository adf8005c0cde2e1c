package com.dominusleads.events.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The bytes of every event value, as the standard Apicurio Avro serdes write and read them: magic byte 0, the
 * writer schema's 4-byte registry content id, then the Avro binary body. Services write it through their outbox,
 * tools straight to Kafka; partners read it with Apicurio's deserializer.
 */
public final class WireFormat {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 1 + Integer.BYTES;

    // One writer per generated class, with that class's own model: it carries the logical-type conversions
    // (timestamps as Instant) the generic model lacks.
    private static final ClassValue<SpecificDatumWriter<SpecificRecord>> WRITERS = new ClassValue<>() {
        @Override
        protected SpecificDatumWriter<SpecificRecord> computeValue(Class<?> type) {
            SpecificData model = SpecificData.getForClass(type);
            return new SpecificDatumWriter<>(model.getSchema(type), model);
        }
    };

    private WireFormat() {
    }

    /** {@code event} framed with {@code contentId}, the registry's id of its topic's schema. */
    public static byte[] encode(SpecificRecord event, long contentId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(Math.toIntExact(contentId)).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            WRITERS.get(event.getClass()).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + event.getSchema().getFullName(), e);
        }
        return out.toByteArray();
    }

    /**
     * The registry content id of the schema {@code value} was written with.
     *
     * @throws IllegalArgumentException when {@code value} is not in this format (e.g. a record written as JSON)
     */
    public static long contentId(byte[] value) {
        if (value == null || value.length < HEADER_LENGTH || value[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException("not an Apicurio Avro value: it must start with magic byte 0 and a"
                    + " 4-byte content id");
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(value, 1, Integer.BYTES).getInt());
    }

    /** A decoder positioned at the Avro body of {@code value}, for a datum reader of its writer schema. */
    public static BinaryDecoder body(byte[] value) {
        contentId(value);   // checks the framing
        return DecoderFactory.get().binaryDecoder(value, HEADER_LENGTH, value.length - HEADER_LENGTH, null);
    }
}
