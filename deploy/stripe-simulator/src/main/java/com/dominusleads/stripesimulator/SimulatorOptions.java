package com.dominusleads.stripesimulator;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * How a simulator behaves for its whole life; the webhook endpoint can also change at runtime
 * ({@code POST /_simulator/webhook}).
 *
 * @param apiKeys        the secret keys callers may send ({@code Authorization: Bearer sk_test_…}); empty accepts any
 *                       non-blank key (Stripe never serves an unauthenticated call)
 * @param webhookUrl     where events are delivered; null: events are kept (and can be resent later) but not delivered
 * @param webhookSecret  the endpoint's signing secret ({@code whsec_…}); required with a URL
 * @param webhookTimeout how long one delivery may take before it counts as failed
 */
public record SimulatorOptions(Set<String> apiKeys, URI webhookUrl, String webhookSecret, Duration webhookTimeout) {

    public SimulatorOptions {
        apiKeys = Set.copyOf(apiKeys);
        if (webhookUrl != null && (webhookSecret == null || webhookSecret.isBlank())) {
            throw new IllegalArgumentException("a webhook URL needs its signing secret (whsec_…)");
        }
        if (webhookUrl != null && !"http".equals(webhookUrl.getScheme()) && !"https".equals(webhookUrl.getScheme())) {
            throw new IllegalArgumentException("the webhook URL must be http(s), got " + webhookUrl);
        }
        if (webhookTimeout == null || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive, got " + webhookTimeout);
        }
    }

    /** One accepted secret key, no webhook endpoint yet, 10 s per delivery. */
    public static SimulatorOptions of(String apiKey) {
        return new SimulatorOptions(Set.of(apiKey), null, null, Duration.ofSeconds(10));
    }

    public SimulatorOptions withWebhook(URI url, String secret) {
        return new SimulatorOptions(apiKeys, url, secret, webhookTimeout);
    }

    public SimulatorOptions withWebhookTimeout(Duration timeout) {
        return new SimulatorOptions(apiKeys, webhookUrl, webhookSecret, timeout);
    }
}
