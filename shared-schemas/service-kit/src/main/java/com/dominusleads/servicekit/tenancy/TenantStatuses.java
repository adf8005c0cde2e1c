package com.dominusleads.servicekit.tenancy;

import com.dominusleads.events.Topics;
import com.dominusleads.events.tenant.TenantCreated;
import com.dominusleads.events.tenant.TenantUpdated;
import com.dominusleads.servicekit.messaging.EventDeserializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every tenant's latest status and API rate, as host-service published them ({@code tenant.created},
 * {@code tenant.updated}: compacted topics, whole state per event). Each service instance reads both topics from
 * the beginning with a consumer of its own (no group: every instance needs every tenant) and keeps following them,
 * so a suspension reaches every service within seconds of its commit, with no call to host-service on the request
 * path. The two topics are merged by host-service's version of the tenant (its change counter), so a late-read
 * {@code tenant.created} never undoes a newer suspension, whatever the clocks of host-service's instances say. Ready ({@link TenantStatusesHealthCheck}) once it has read what the topics held at start.
 * <p>
 * A tenant host-service never announced (the local realm's seeded demo tenants) has no state and is not refused.
 */
@ApplicationScoped
public class TenantStatuses {

    private static final Logger LOG = Logger.getLogger(TenantStatuses.class);
    private static final List<String> TOPICS = List.of(Topics.TENANT_CREATED, Topics.TENANT_UPDATED);

    private final Map<String, TenantState> states = new ConcurrentHashMap<>();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final String bootstrapServers;
    private final String registryUrl;
    private final boolean enabled;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private volatile String lastFailure = "not started";

    public TenantStatuses(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "dominus.registry.url") String registryUrl,
                          @ConfigProperty(name = "dominus.tenancy.statuses.enabled", defaultValue = "true")
                          boolean enabled) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.enabled = enabled;
    }

    /** The tenant's last announced state, if host-service ever announced it. */
    public Optional<TenantState> of(String tenantId) {
        return Optional.ofNullable(states.get(tenantId));
    }

    /** How many tenant events this instance has read (older ones included): progress, for operators and tests. */
    public long eventsRead() {
        return applied.get();
    }

    public boolean caughtUp() {
        return !enabled || caughtUp.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    void start(@Observes StartupEvent startup) {
        if (enabled && running.compareAndSet(false, true)) {
            Thread follower = new Thread(this::follow, "tenant-statuses");
            follower.setDaemon(true);
            follower.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running.set(false);
        KafkaConsumer<String, SpecificRecord> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Applies one event; the newest event of a tenant wins, whichever topic it came from. */
    void apply(SpecificRecord event) {
        TenantState state;
        if (event instanceof TenantCreated created) {
            state = new TenantState(created.getTenantId(), TenantState.ACTIVE, created.getApiRatePerSecond(),
                    created.getVersion(), created.getOccurredAt());
        } else if (event instanceof TenantUpdated updated) {
            state = new TenantState(updated.getTenantId(), updated.getStatus(), updated.getApiRatePerSecond(),
                    updated.getVersion(), updated.getOccurredAt());
        } else {
            return;
        }
        states.merge(state.tenantId(), state, (known, next) -> next.newerThan(known) ? next : known);
        applied.incrementAndGet();
    }

    private void follow() {
        while (running.get()) {
            try (KafkaConsumer<String, SpecificRecord> kafka = new KafkaConsumer<>(consumerConfig())) {
                consumer = kafka;
                List<TopicPartition> partitions = TOPICS.stream()
                        .flatMap(topic -> kafka.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                                .map(info -> new TopicPartition(topic, info.partition())))
                        .toList();
                if (partitions.stream().map(TopicPartition::topic).distinct().count() < TOPICS.size()) {
                    throw new IllegalStateException("topics " + TOPICS + " are not all there yet");
                }
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> startEnds = kafka.endOffsets(partitions);
                while (running.get()) {
                    for (ConsumerRecord<String, SpecificRecord> record : kafka.poll(Duration.ofSeconds(1))) {
                        if (record.value() != null) {
                            apply(record.value());
                        }
                    }
                    if (!caughtUp.get() && startEnds.entrySet().stream()
                            .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                        caughtUp.set(true);
                        LOG.infof("Tenant statuses loaded: %d tenant(s)", states.size());
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Kafka unreachable or a topic missing: keep what is known, try again (readiness says why).
                lastFailure = e.toString();
                LOG.warnf("Following the tenant topics failed (%s); retrying in 5 s", e.toString());
                sleep();
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tenant-statuses-" + Instant.now().toEpochMilli());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventDeserializer.class);
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        return config;
    }

    private void sleep() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
