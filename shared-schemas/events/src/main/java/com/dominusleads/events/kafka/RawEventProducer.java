package com.dominusleads.events.kafka;

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
 * Writes event values straight to a topic, bypassing the services' outbox: for tools and tests that play a producer
 * (including a misbehaving or replaying one). Values are already encoded (see {@code WireFormat}); each record gets
 * the headers consumers rely on, as the outbox router sets them: the event id (their deduplication key) and type.
 */
public final class RawEventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public RawEventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    /**
     * Sends and waits for the broker's acknowledgement; {@code id} null sends no {@code id} header.
     *
     * @throws IllegalStateException when the broker does not acknowledge within 30 s
     */
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
