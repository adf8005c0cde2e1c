package com.dominusleads.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Where the two sides of the contract are, how hard to try them, and how long answers are kept. */
@ConfigMapping(prefix = "dominus.gateway")
public interface GatewayConfig {

    /** Keys callers send in {@code X-API-KEY}. */
    List<String> apiKeys();

    Local local();

    Remote remote();

    Cache cache();

    interface Local {
        /** Base URL of ingestion-service's copy of the contract, ending with its version path. */
        URI url();

        String apiKey();

        /** Per call; past it the remote side answers instead. */
        Duration timeout();

        Breaker breaker();
    }

    interface Remote {
        /** Base URL of api-cnaes, ending with its version path ({@code /v1}, or {@code /api/v1}). */
        URI url();

        /** One or more keys; calls take them in turn, each within its own quota. */
        List<String> apiKeys();

        Auth auth();

        /** The remote quota per key: calls of one key are spaced by a second divided by this. */
        int rateLimitPerSecond();

        /** How long a call may wait for its key's next slot before the caller is told the quota is used up. */
        Duration quotaWait();

        Duration connectTimeout();

        /** Per attempt. */
        Duration timeout();

        int bulkhead();

        int bulkheadQueue();

        Retry retry();

        Breaker breaker();
    }

    /** How the remote API wants its key. */
    enum Auth {
        /** {@code X-API-KEY: <key>}, as the contract says. */
        X_API_KEY,
        /** {@code Authorization: Bearer <key>}, a variant seen in the wild. */
        BEARER
    }

    interface Retry {
        int maxRetries();

        /** First back-off delay; it doubles on each retry, with jitter, up to {@link #maxDelay}. */
        Duration delay();

        Duration maxDelay();

        /** Retrying stops once this much time has gone since the first attempt. */
        Duration maxDuration();

        /** A {@code Retry-After} longer than this is not waited for: the caller is told to come back instead. */
        Duration maxRetryAfter();
    }

    interface Breaker {
        int requestVolume();

        double failureRatio();

        /** How long the breaker stays open before letting a trial call through. */
        Duration delay();

        int successThreshold();
    }

    interface Cache {
        /** How long a remote answer is served as fresh: between 12 and 24 hours. */
        Duration ttl();

        /** How long a remote 404 is remembered. */
        Duration negativeTtl();

        /** How long past its expiry an answer may still be served (flagged stale) while the remote fails. */
        Duration maxStale();

        Duration purgeInterval();

        /** Added to a release's switch time when clearing the cache: covers the commit and the clocks' difference. */
        Duration invalidationSlack();
    }
}
