package com.dominusleads.launcher.events;

import com.dominusleads.events.EventCatalog;
import com.dominusleads.events.Topics;
import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./dominus watch <topic> [--tenant T] [--from-beginning]}: the topic's events as a partner reads them
 * (committed ones only, decoded with the registry), one line of JSON each on standard output until Ctrl-C. What it
 * says about itself goes to standard error, so that the output can be piped to {@code jq}.
 */
public final class WatchCommand {

    public static final String USAGE = "usage: ./dominus watch <topic> [--tenant T] [--from-beginning]"
            + "  (topics: " + String.join(", ", Topics.ALL) + ")";

    /** What to watch: a topic of the catalogue, maybe one tenant's events only, from now on or from the start. */
    record Watch(String topic, String tenant, boolean fromBeginning) {

        boolean shows(GenericRecord event) {
            return tenant == null || tenant.equals(String.valueOf(event.get(TENANT_FIELD)));
        }
    }

    private static final String TENANT_FIELD = "tenantId";

    private final LocalStack stack;
    private final Console console;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** @param console standard error: {@code out} carries the events */
    public WatchCommand(LocalStack stack, Console console, PrintStream out) {
        this.stack = stack;
        this.console = console;
        this.out = out;
    }

    /** Exit status: 0 stopped by Ctrl-C, 2 bad arguments (failures of the stack are thrown). */
    public int run(List<String> args) {
        Watch watch;
        try {
            watch = parse(args);
        } catch (IllegalArgumentException e) {
            console.fail("watch", e.getMessage());
            console.line(USAGE);
            return 2;
        }
        StackEvents events = new StackEvents(stack).requireRunning();
        EventDecoder decoder = new EventDecoder(events.registry());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, events.bootstrap(),
                // A group of its own, never committed: every watch sees every event, and leaves no trace.
                ConsumerConfig.GROUP_ID_CONFIG, "dominus-watch-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, watch.fromBeginning() ? "earliest" : "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            stopOnInterrupt(consumer);
            consumer.subscribe(List.of(watch.topic()), announceOnce(watch));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    print(watch, decoder, record);
                }
            }
        } catch (WakeupException stopped) {
            return 0;
        } finally {
            stopped.countDown();
        }
    }

    /** Ctrl-C wakes the consumer up; the JVM exits once it has left its group (at most 5 s later). */
    private void stopOnInterrupt(KafkaConsumer<?, ?> consumer) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watch-stop"));
    }

    /** Says when events start to show: a watch from now on misses those published before it has its partitions. */
    private ConsumerRebalanceListener announceOnce(Watch watch) {
        return new ConsumerRebalanceListener() {
            private boolean announced;

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!announced) {
                    announced = true;
                    console.step("watch", watch.topic() + (watch.tenant() == null ? "" : " of " + watch.tenant())
                            + (watch.fromBeginning() ? " from the beginning" : " from now on") + " (Ctrl-C stops)");
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }
        };
    }

    private void print(Watch watch, EventDecoder decoder, ConsumerRecord<String, byte[]> record) {
        try {
            GenericRecord event = decoder.decode(record.value());
            if (watch.shows(event)) {
                out.println(EventJson.of(event));
                out.flush();
            }
        } catch (IllegalArgumentException | IOException e) {
            // Not ours to fix here; the services' consumers park such records too.
            console.fail("watch", "skipped " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + ": " + e.getMessage());
        }
    }

    static Watch parse(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--tenant"), Set.of("--from-beginning"));
        if (arguments.positional().size() != 1) {
            throw new IllegalArgumentException(arguments.positional().isEmpty() ? "which topic?"
                    : "one topic at a time, not " + String.join(" ", arguments.positional()));
        }
        String topic = arguments.positional().getFirst();
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("no topic " + topic);
        }
        String tenant = arguments.single("--tenant").map(EventFields::tenant).orElse(null);
        if (tenant != null && EventCatalog.schemaOf(topic).orElseThrow().getField(TENANT_FIELD) == null) {
            throw new IllegalArgumentException(topic + " events belong to no tenant: watch it without --tenant");
        }
        return new Watch(topic, tenant, arguments.has("--from-beginning"));
    }
}
