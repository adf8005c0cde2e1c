package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * How a simulator behaves for its whole life; everything else is its {@link SimulatorConfig configuration}, which
 * changes at runtime.
 *
 * @param seed           fixes every draw: outcomes, jitter, injected failures
 * @param webhookTimeout how long one webhook (or SMTP) delivery may take before it counts as failed
 * @param config         the starting configuration, merged over the defaults (and restored by a reset that asks
 *                       for it); an empty object keeps the defaults
 */
public record SimulatorOptions(long seed, Duration webhookTimeout, ObjectNode config) {

    public SimulatorOptions {
        if (webhookTimeout == null || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive, got " + webhookTimeout);
        }
        config = config == null ? SimulatorConfig.MAPPER.createObjectNode() : config.deepCopy();
        SimulatorConfig.parse(SimulatorConfig.merge(SimulatorConfig.defaults(), config)); // fails early
    }

    /** Seed 0, 10 s per delivery, the default configuration. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, Duration.ofSeconds(10), null);
    }

    public SimulatorOptions withSeed(long seed) {
        return new SimulatorOptions(seed, webhookTimeout, config);
    }

    public SimulatorOptions withWebhookTimeout(Duration timeout) {
        return new SimulatorOptions(seed, timeout, config);
    }

    /** The starting configuration: {@code patch} merged (RFC 7386) over what was given so far. */
    public SimulatorOptions withConfig(JsonNode patch) {
        if (patch != null && !patch.isObject()) {
            throw new IllegalArgumentException("the configuration must be a JSON object");
        }
        return new SimulatorOptions(seed, webhookTimeout, SimulatorConfig.merge(config, patch));
    }

    /** As {@link #withConfig(JsonNode)}, from JSON text. */
    public SimulatorOptions withConfig(String json) {
        try {
            return withConfig(SimulatorConfig.MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
