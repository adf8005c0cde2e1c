package com.dominusleads.launcher.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: the same number of records through the same broker with nothing else, produced (acks=all,
 * idempotent) and consumed (read_committed) by one client each, each record carrying its send time.
 */
final class RawKafkaRun {

    private RawKafkaRun() {
    }

    static Latencies measure(String bootstrap, int count) throws InterruptedException {
        String topic = "bench.raw-" + UUID.randomUUID().toString().substring(0, 8);
        long[] latencies = new long[count];
        long[] span = new long[2];
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> consume(bootstrap, topic, latencies, span, assigned), "bench-raw-consumer");
        consumer.start();
        // The first record is sent once the consumer owns the partitions, so that no join time is measured.
        if (!assigned.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the raw Kafka baseline's consumer was never assigned " + topic);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            byte[] padding = new byte[120];
            span[0] = System.nanoTime();
            for (int i = 0; i < count; i++) {
                ByteBuffer value = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + padding.length);
                value.putLong(System.nanoTime()).putInt(i).put(padding);
                producer.send(new ProducerRecord<>(topic, "tenant-" + (i % 3), value.array()));
            }
            producer.flush();
        }
        consumer.join(Duration.ofMinutes(5).toMillis());
        if (span[1] == 0) {
            throw new IllegalStateException("the raw Kafka baseline did not receive all " + count + " records");
        }
        return Latencies.of(latencies, span[1] - span[0]);
    }

    private static void consume(String bootstrap, String topic, long[] latencies, long[] span,
                                CountDownLatch assigned) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.countDown();
                }
            });
            int received = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (received < latencies.length && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    ByteBuffer value = ByteBuffer.wrap(record.value());
                    long sent = value.getLong();
                    latencies[value.getInt()] = System.nanoTime() - sent;
                    received++;
                }
            }
            if (received == latencies.length) {
                span[1] = System.nanoTime();
            }
        }
    }
}
