package com.dominusleads.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The shared in-JVM Kafka broker (KRaft). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestStack.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
