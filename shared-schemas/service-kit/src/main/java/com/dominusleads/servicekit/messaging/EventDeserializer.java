package com.dominusleads.servicekit.messaging;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The standard Apicurio Avro deserializer, reading into the generated event classes: name it as a channel's
 * {@code value.deserializer}. It hands Apicurio the datum provider as a class object, which configuration text
 * cannot (see {@link GeneratedClassDatumProvider}).
 */
public class EventDeserializer<T> extends AvroKafkaDeserializer<T> {

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withProvider = new HashMap<>(configs);
        withProvider.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, GeneratedClassDatumProvider.class);
        super.configure(withProvider, isKey);
    }
}
