package com.dominusleads.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Refuses to start with a cache TTL outside the 12–24 h agreed for remote company data (issue 5): shorter spends the
 * remote quota again on data that rarely changes, longer serves answers that may have changed at the source.
 */
@ApplicationScoped
public class CacheTtlCheck {

    static final Duration SHORTEST = Duration.ofHours(12);
    static final Duration LONGEST = Duration.ofHours(24);

    void check(@Observes StartupEvent started, GatewayConfig config) {
        Duration ttl = config.cache().ttl();
        if (ttl.compareTo(SHORTEST) < 0 || ttl.compareTo(LONGEST) > 0) {
            throw new IllegalStateException("dominus.gateway.cache.ttl is " + ttl + "; it must be between 12 and 24 hours"
                    + " (set DOMINUS_GATEWAY_CACHE_TTL, e.g. 24h)");
        }
    }
}
