package com.dominusleads.servicekit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the event schemas are resolved: before that the service could not publish a single event. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "dominus.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class EventSchemasHealthCheck implements HealthCheck {

    private final EventPayloadEncoder encoder;

    public EventSchemasHealthCheck(EventPayloadEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Event schemas (Apicurio Registry)");
        return encoder.isReady() ? response.up().build()
                : response.down().withData("reason", encoder.lastFailure()).build();
    }
}
