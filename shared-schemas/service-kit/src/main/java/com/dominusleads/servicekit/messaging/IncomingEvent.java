package com.dominusleads.servicekit.messaging;

import com.dominusleads.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/** An event taken off Kafka: its deduplication id, where it came from, and the decoded payload. */
public record IncomingEvent<T>(UUID id, String topic, int partition, long offset, T payload) {

    /**
     * The event of {@code record}. Its id is the producer's {@code id} header (the outbox row id, the same on every
     * redelivery); a record without one (written by hand, not through an outbox) gets an id derived from its
     * position in the log, so that at least its own redeliveries are recognised.
     */
    public static <T> IncomingEvent<T> of(ConsumerRecord<?, T> record) {
        Header header = record.headers().lastHeader(EventHeaders.ID);
        String id = header == null || header.value() == null
                ? record.topic() + "/" + record.partition() + "/" + record.offset()
                : new String(header.value(), StandardCharsets.UTF_8).strip();
        return new IncomingEvent<>(uuidOf(id), record.topic(), record.partition(), record.offset(), record.value());
    }

    /** Every record of a polled batch, in partition order. */
    public static <T> List<IncomingEvent<T>> all(ConsumerRecords<?, T> records) {
        List<IncomingEvent<T>> events = new ArrayList<>(records.count());
        records.forEach(record -> events.add(of(record)));
        return events;
    }

    /** True when the bytes could not be decoded (the deserializer gave up on them). */
    public boolean undecodable() {
        return payload == null;
    }

    private static UUID uuidOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        }
    }
}
