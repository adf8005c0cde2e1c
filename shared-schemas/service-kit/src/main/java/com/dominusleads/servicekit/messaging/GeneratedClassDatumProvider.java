package com.dominusleads.servicekit.messaging;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads events into the generated classes of {@code dominus-events}, found through the class loader that loaded this
 * kit (the application's: the events jar sits beside it).
 * <p>
 * Apicurio's default provider looks them up with Avro's global {@code SpecificData}, whose class loader in Quarkus
 * dev and test mode is not the application's: it then finds a second copy of the class (or none), and the record
 * cannot be cast. Falls back to generic records for schemas without a generated class.
 * Pass it as a {@code Class} in the serde config: Apicurio would load a class name with its own loader.
 */
public class GeneratedClassDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    // Keyed by the schema itself (its hash is cached): Apicurio asks for a reader for every record it decodes.
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        return readers.computeIfAbsent(writerSchema, this::readerFor);
    }

    private DatumReader<T> readerFor(Schema writerSchema) {
        SpecificData model = new SpecificData(GeneratedClassDatumProvider.class.getClassLoader());
        Class<?> generated = model.getClass(writerSchema);
        if (generated == null) {
            return super.createDatumReader(writerSchema);
        }
        // The generated class's own model knows its logical types (timestamps as Instant) but resolves classes with
        // Avro's loader, so only its conversions are borrowed.
        SpecificData.getForClass(generated).getConversions().forEach(model::addLogicalTypeConversion);
        return new SpecificDatumReader<>(writerSchema, model.getSchema(generated), model);
    }
}
