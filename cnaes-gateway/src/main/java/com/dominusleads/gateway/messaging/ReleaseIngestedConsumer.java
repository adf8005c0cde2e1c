package com.dominusleads.gateway.messaging;

import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.gateway.config.GatewayConfig;
import com.dominusleads.gateway.persistence.CompanyCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code directory.release-ingested}: a new release of the directory is live, so every answer cached before it went
 * live is forgotten (a company the remote had to supply may now be in the directory; a remote 404 may be obsolete).
 * Keyed on the event's time, so a redelivered event forgets nothing cached since: no deduplication table needed. A
 * failing delete is retried (it is idempotent) rather than stopping the channel.
 */
@ApplicationScoped
public class ReleaseIngestedConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseIngestedConsumer.class);

    private final CompanyCache cache;
    private final Duration slack;
    private final Counter invalidations;

    public ReleaseIngestedConsumer(CompanyCache cache, GatewayConfig config, MeterRegistry metrics) {
        this.cache = cache;
        this.slack = config.cache().invalidationSlack();
        // gateway_cache_invalidations_total: releases applied to the cache (a tool can wait for one).
        this.invalidations = metrics.counter("gateway.cache.invalidations");
    }

    @Incoming("release-ingested")
    public Uni<Void> released(DirectoryReleaseIngested event) {
        if (event == null) {
            LOG.warn("Skipped a directory.release-ingested record that could not be decoded");
            return Uni.createFrom().voidItem();
        }
        // The event's time is taken inside the switching transaction, on another machine's clock: the slack covers
        // the commit and the clocks' difference, at the price of forgetting a few answers more than needed.
        return cache.forgetFetchedBefore(event.getOccurredAt().plus(slack))
                .onFailure().invoke(failure -> LOG.warnf("Forgetting the cache for release %s failed (%s); retrying",
                        event.getReleaseId(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .invoke(forgotten -> {
                    invalidations.increment();
                    LOG.infof("Release %s is live: forgot %d cached answer(s) fetched before it", event.getReleaseId(),
                            forgotten);
                })
                .replaceWithVoid();
    }
}
