package com.dominusleads.gateway.persistence;

import com.dominusleads.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Deletes, every {@code purge-interval}, the entries too old to be served even as stale. */
@ApplicationScoped
public class CachePurge {

    private static final Logger LOG = Logger.getLogger(CachePurge.class);

    private final CompanyCache cache;
    private final Duration maxStale;
    private final Duration interval;
    private final Clock clock;

    public CachePurge(CompanyCache cache, GatewayConfig config, Clock clock) {
        this.cache = cache;
        this.maxStale = config.cache().maxStale();
        this.interval = config.cache().purgeInterval();
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(interval.toMillis(), timer -> cache.purgeExpiredBefore(clock.instant().minus(maxStale))
                .subscribe().with(
                        purged -> LOG.debugf("Purged %d cache entries past their stale limit", purged),
                        failure -> LOG.warnf("Purging the company cache failed (retried in %s): %s", interval,
                                failure.getMessage())));
    }
}
