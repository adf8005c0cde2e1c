package com.dominusleads.testsupport;

import com.dominusleads.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records straight to a topic, as a misbehaving or replaying producer would: the same event several times,
 * records without an id header, or bytes no schema decodes. Values are already encoded (see EventPayloadEncoder).
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    public EventProducer() {
        this(TestStack.kafkaBootstrapServers());
    }

    /** Sends and waits for the broker's acknowledgement; {@code id} null sends no {@code id} header. */
    public void send(String topic, String key, byte[] value, UUID id) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (id != null) {
            record.headers().add(EventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EventHeaders.EVENT_TYPE, topic.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not accept the record for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
