package com.dominusleads.ingestion.load;

import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.domain.ReleaseStatus;
import com.dominusleads.ingestion.persistence.DirectoryViews;
import com.dominusleads.ingestion.persistence.ReleaseSchema;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import com.dominusleads.ingestion.persistence.Transactions;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import com.dominusleads.ingestion.persistence.IncrementalApply;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes a release the live one, in one transaction: the directory views, the statuses (the live release becomes the
 * previous one, kept to switch back to; the one before that is retired and its tables dropped) and the
 * {@code directory.release-ingested} event. Switching back swaps live and previous the same way.
 */
public final class ReleaseSwitch {

    private static final Logger LOG = Logger.getLogger(ReleaseSwitch.class);

    private final DataSource dataSource;
    private final OutboxWriter outbox;

    public ReleaseSwitch(DataSource dataSource, OutboxWriter outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Makes the READY release {@code releaseId} live and announces it. */
    public void goLive(String releaseId) throws Exception {
        boolean switched = Transactions.inTransaction(dataSource, c -> {
            lockReleases(c);
            Release release = ReleaseStore.release(c, releaseId).orElseThrow();
            if (release.status() == ReleaseStatus.LIVE) {
                return false; // a resumed job whose switch had committed
            }
            Optional<Release> retired = ReleaseStore.withStatus(c, ReleaseStatus.PREVIOUS);
            if (retired.isPresent()) {
                ReleaseStore.setStatus(c, retired.get().id(), ReleaseStatus.RETIRED, null);
            }
            Optional<Release> live = ReleaseStore.withStatus(c, ReleaseStatus.LIVE);
            if (live.isPresent()) {
                ReleaseStore.setStatus(c, live.get().id(), ReleaseStatus.PREVIOUS, null);
            }
            ReleaseStore.setStatus(c, releaseId, ReleaseStatus.LIVE, null);
            DirectoryViews.pointAt(c, ReleaseSchema.ofData(release));
            announce(c, release);
            return true;
        });
        if (switched) {
            dropRetiredSchemas();
            LOG.infof("release %s is live", releaseId);
        }
    }

    /** Makes the previous release live again (the current one becomes the previous), and announces it. */
    public Release switchBack() throws Exception {
        Release back = Transactions.inTransaction(dataSource, c -> {
            lockReleases(c);
            Release previous = ReleaseStore.withStatus(c, ReleaseStatus.PREVIOUS).orElseThrow(() -> new ApiException(409,
                    "no_previous_release", "There is no previous release to switch back to: only the last replaced release is kept"));
            Release live = ReleaseStore.withStatus(c, ReleaseStatus.LIVE).orElseThrow();
            // Free the unique "PREVIOUS" slot before taking it.
            ReleaseStore.setStatus(c, previous.id(), ReleaseStatus.READY, null);
            ReleaseStore.setStatus(c, live.id(), ReleaseStatus.PREVIOUS, null);
            ReleaseStore.setStatus(c, previous.id(), ReleaseStatus.LIVE, null);
            DirectoryViews.pointAt(c, ReleaseSchema.ofData(previous));
            Release now = ReleaseStore.release(c, previous.id()).orElseThrow();
            announce(c, now);
            return now;
        });
        LOG.infof("switched back to release %s", back.id());
        return back;
    }

    /** Serialises switches: two at once would fight over the live and previous slots. */
    private static void lockReleases(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("lock table release in share row exclusive mode");
        }
    }

    /**
     * Drops the schemas no release needs any more: those of retired releases, and the staging schema of an applied
     * incremental release, unless a release that is not retired keeps its rows there. Run after the switch committed:
     * nothing reads them any more.
     */
    private void dropRetiredSchemas() {
        try (Connection c = dataSource.getConnection()) {
            List<Release> releases = ReleaseStore.releases(c);
            Set<String> inUse = new HashSet<>();
            for (Release release : releases) {
                if (release.status() != ReleaseStatus.RETIRED) {
                    inUse.add(release.dataSchema());
                }
            }
            for (Release release : releases) {
                Set<String> candidates = new HashSet<>(List.of(ReleaseSchema.of(release.seq()).name()));
                if (release.status() == ReleaseStatus.RETIRED) {
                    candidates.add(release.dataSchema());
                } else if (release.mode().equals("INCREMENTAL") && !release.dataSchema().equals(ReleaseSchema.of(release.seq()).name())) {
                    candidates.add(ReleaseSchema.of(release.seq()).name()); // applied: its staging is done with
                } else {
                    continue;
                }
                for (String schema : candidates) {
                    if (!inUse.contains(schema)) {
                        new ReleaseSchema(schema).drop(c);
                    }
                }
            }
        } catch (SQLException e) {
            // Harmless to readers (nothing points at them): logged, and tried again at the next switch.
            LOG.warnf(e, "could not drop the tables of retired releases");
        }
    }

    /**
     * Applies the READY incremental release {@code releaseId} (its files staged in its own schema) onto the live
     * release's tables, changing only the rows that differ, in one transaction: readers see the old rows until it
     * commits, then the new ones. The live release retires; its tables now hold the new release.
     */
    public IncrementalApply.Changes applyIncrementally(String releaseId) throws Exception {
        IncrementalApply.Changes changes = Transactions.inTransaction(dataSource, c -> {
            lockReleases(c);
            Release release = ReleaseStore.release(c, releaseId).orElseThrow();
            if (release.status() == ReleaseStatus.LIVE) {
                return null; // a resumed job whose apply had committed
            }
            Release live = ReleaseStore.withStatus(c, ReleaseStatus.LIVE).orElseThrow(() -> new IllegalStateException(
                    "an incremental release is applied onto the live one, and no release is live: ingest it in full"));
            ReleaseSchema target = ReleaseSchema.ofData(live);
            IncrementalApply.Changes applied = IncrementalApply.apply(c, target, ReleaseSchema.of(release.seq()));
            ReleaseStore.setStatus(c, live.id(), ReleaseStatus.RETIRED, null);
            ReleaseStore.setDataSchema(c, releaseId, target);
            ReleaseStore.setStatus(c, releaseId, ReleaseStatus.LIVE, null);
            ReleaseStore.recordCountsFrom(c, releaseId, target);
            announce(c, ReleaseStore.release(c, releaseId).orElseThrow());
            return applied;
        });
        if (changes != null) {
            dropRetiredSchemas();
            LOG.infof("release %s applied incrementally: %s", releaseId, changes);
        }
        return changes;
    }

    /** {@code directory.release-ingested}, in the switching transaction: published if and only if it commits. */
    private void announce(Connection c, Release live) throws SQLException {
        outbox.append(c, DirectoryReleaseIngested.newBuilder()
                .setReleaseId(live.id())
                .setEstablishments(nullToZero(live.establishments()))
                .setCompanies(nullToZero(live.companies()))
                .setQuarantinedRows(nullToZero(live.quarantined()))
                .setOccurredAt(Instant.now())
                .build());
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }
}
