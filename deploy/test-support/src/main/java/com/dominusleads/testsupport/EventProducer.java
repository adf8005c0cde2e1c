package com.dominusleads.testsupport;

import com.dominusleads.events.kafka.RawEventProducer;
import java.util.UUID;

/**
 * Writes records straight to the test stack's Kafka, as a misbehaving or replaying producer would: the same event
 * several times, records without an id header, or bytes no schema decodes. Values are already encoded (see
 * EventPayloadEncoder). A {@link RawEventProducer} on {@link TestStack}'s broker unless told otherwise.
 */
public final class EventProducer implements AutoCloseable {

    private final RawEventProducer producer;

    public EventProducer(String bootstrapServers) {
        producer = new RawEventProducer(bootstrapServers);
    }

    public EventProducer() {
        this(TestStack.kafkaBootstrapServers());
    }

    /** Sends and waits for the broker's acknowledgement; {@code id} null sends no {@code id} header. */
    public void send(String topic, String key, byte[] value, UUID id) {
        producer.send(topic, key, value, id);
    }

    @Override
    public void close() {
        producer.close();
    }
}
