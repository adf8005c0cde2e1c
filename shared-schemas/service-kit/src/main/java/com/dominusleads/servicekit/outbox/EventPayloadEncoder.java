package com.dominusleads.servicekit.outbox;

import com.dominusleads.events.EventCatalog;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encodes an event exactly as a Kafka producer with the Apicurio Avro serializer would (magic byte, content id,
 * Avro binary), so that consumers use the standard Apicurio deserializer although the bytes travel through the
 * outbox and Debezium. The writer schema is looked up by content (registered if new, refused if it breaks the
 * BACKWARD rule) and cached by the serializer.
 */
@ApplicationScoped
public class EventPayloadEncoder {

    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();

    public EventPayloadEncoder(@ConfigProperty(name = "dominus.registry.url") String registryUrl) {
        serializer.configure(Map.of(
                SchemaResolverConfig.REGISTRY_URL, registryUrl,
                SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, true,
                SchemaResolverConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, "FIND_OR_CREATE_VERSION",
                SchemaResolverConfig.FAULT_TOLERANT_REFRESH, true), false);
    }

    public byte[] encode(SpecificRecord event) {
        return serializer.serialize(EventCatalog.topicOf(event), event);
    }

    @PreDestroy
    void close() {
        serializer.close();
    }
}
