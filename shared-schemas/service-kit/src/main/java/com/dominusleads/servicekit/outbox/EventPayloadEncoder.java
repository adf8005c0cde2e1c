package com.dominusleads.servicekit.outbox;

import com.dominusleads.events.EventCatalog;
import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.events.registry.WireFormat;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Encodes events in the Apicurio wire format ({@link WireFormat}), so that consumers use the standard Apicurio Avro
 * deserializer although the bytes travel through the outbox and Debezium.
 * <p>
 * The content id of every event schema is resolved once, at start-up (found by content, registered if new, refused
 * if it breaks the BACKWARD rule), then encoding is pure CPU: a business transaction never waits on the registry
 * and a registry outage never blocks a write. Until the ids are known the service reports not ready.
 */
@ApplicationScoped
@IfBuildProperty(name = "dominus.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class EventPayloadEncoder {

    private static final Logger LOG = Logger.getLogger(EventPayloadEncoder.class);

    private final SchemaRegistrar registrar;
    private final Map<String, Integer> contentIds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-schema-resolver");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastFailure = "not resolved yet";

    public EventPayloadEncoder(@ConfigProperty(name = "dominus.registry.url") String registryUrl) {
        this.registrar = new SchemaRegistrar(URI.create(registryUrl));
    }

    /**
     * An encoder outside CDI (tests, tools that write events straight to Kafka), with every schema already resolved.
     */
    public static EventPayloadEncoder resolved(String registryUrl) {
        EventPayloadEncoder encoder = new EventPayloadEncoder(registryUrl);
        if (!encoder.resolveContentIds()) {
            throw new SchemasNotResolvedException("Event schemas not resolved in " + registryUrl + ": "
                    + encoder.lastFailure);
        }
        return encoder;
    }

    void resolveAtStart(@Observes StartupEvent start) {
        if (!resolveContentIds()) {
            LOG.warnf("Event schemas not resolved (%s); retrying every 5 s, the service stays not ready", lastFailure);
            retries.scheduleWithFixedDelay(() -> {
                if (resolveContentIds()) {
                    LOG.info("Event schemas resolved; the service can publish events");
                    retries.shutdown();
                }
            }, 5, 5, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        retries.shutdownNow();
    }

    /** True once every event schema's content id is known. */
    public boolean isReady() {
        return contentIds.size() == EventCatalog.schemasByTopic().size();
    }

    /** Why the encoder is not ready, for the readiness check. */
    public String lastFailure() {
        return lastFailure;
    }

    public byte[] encode(SpecificRecord event) {
        String topic = EventCatalog.topicOf(event);
        Integer contentId = contentIds.get(topic);
        if (contentId == null) {
            throw new SchemasNotResolvedException("The schema of " + topic + " is not resolved in the registry ("
                    + lastFailure + "); the service is not ready to publish events");
        }
        return WireFormat.encode(event, contentId);
    }

    private boolean resolveContentIds() {
        try {
            EventCatalog.schemasByTopic().forEach((topic, schema) ->
                    contentIds.computeIfAbsent(topic, t -> Math.toIntExact(registrar.register(t, schema.toString()).contentId())));
            return true;
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            return false;
        }
    }
}
