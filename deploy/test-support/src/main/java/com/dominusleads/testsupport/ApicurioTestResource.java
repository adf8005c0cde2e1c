package com.dominusleads.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The shared Apicurio Registry, every event schema already registered (as {@code ./dominus up} does). */
public class ApicurioTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = TestStack.registryApi().toString();
        return Map.of(
                "dominus.registry.url", url,
                "mp.messaging.connector.smallrye-kafka.apicurio.registry.url", url);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
