package com.dominusleads.events.registry;

/** One schema version as the registry holds it. */
public record RegisteredSchema(String topic, String artifactId, String version, long globalId, long contentId) {
}
