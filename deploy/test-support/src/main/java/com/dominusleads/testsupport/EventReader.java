package com.dominusleads.testsupport;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import com.dominusleads.servicekit.messaging.GeneratedClassDatumProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads events from a topic the way a partner would: committed records only, values through the standard Apicurio
 * Avro deserializer into the generated classes.
 */
public final class EventReader implements AutoCloseable {

    private final KafkaConsumer<String, Object> consumer;

    public EventReader(String topic) {
        consumer = withOwnClassLoader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName(),
                SchemaResolverConfig.REGISTRY_URL, TestStack.registryApi().toString(),
                AvroSerdeConfig.AVRO_DATUM_PROVIDER, GeneratedClassDatumProvider.class)));
        consumer.subscribe(List.of(topic));
    }

    /** Polls until a record matches or {@code timeout} passes; returns every record seen that matches. */
    public List<ConsumerRecord<String, Object>> await(Predicate<ConsumerRecord<String, Object>> matching, int count,
                                                       Duration timeout) {
        List<ConsumerRecord<String, Object>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            withOwnClassLoader(() -> consumer.poll(Duration.ofMillis(250))).forEach(record -> {
                if (matching.test(record)) {
                    found.add(record);
                }
            });
        }
        return found;
    }

    /**
     * The Avro deserializer finds the generated classes through the context class loader, which inside a Quarkus
     * test is not the one that loaded them; run with ours so that records come back as the test's own classes.
     */
    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EventReader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
