package com.dominusleads.gateway.messaging;

import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.gateway.persistence.CompanyCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code directory.release-ingested}: a new release of the directory is live, so every answer cached before it went
 * live is forgotten (a company the remote had to supply may now be in the directory; a remote 404 may be obsolete).
 * Keyed on the event's time, so a redelivered event forgets nothing cached since: no deduplication table needed.
 */
@ApplicationScoped
public class ReleaseIngestedConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseIngestedConsumer.class);

    private final CompanyCache cache;

    public ReleaseIngestedConsumer(CompanyCache cache) {
        this.cache = cache;
    }

    @Incoming("release-ingested")
    public Uni<Void> released(DirectoryReleaseIngested event) {
        if (event == null) {
            LOG.warn("Skipped a directory.release-ingested record that could not be decoded");
            return Uni.createFrom().voidItem();
        }
        return cache.forgetFetchedBefore(event.getOccurredAt())
                .invoke(forgotten -> LOG.infof("Release %s is live: forgot %d cached answer(s) fetched before it",
                        event.getReleaseId(), forgotten))
                .replaceWithVoid();
    }
}
