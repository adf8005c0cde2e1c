package com.dominusleads.ingestion.load;

import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.domain.ReleaseStatus;
import com.dominusleads.ingestion.persistence.DirectoryViews;
import com.dominusleads.ingestion.persistence.ReleaseSchema;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
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
    public void goLive(String releaseId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            lockReleases(c);
            Release release = ReleaseStore.release(c, releaseId).orElseThrow();
            if (release.status() == ReleaseStatus.LIVE) {
                c.rollback();
                return; // a resumed job whose switch had committed
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
            DirectoryViews.pointAt(c, ReleaseSchema.of(release.seq()));
            outbox.append(c, DirectoryReleaseIngested.newBuilder()
                    .setReleaseId(releaseId)
                    .setEstablishments(nullToZero(release.establishments()))
                    .setCompanies(nullToZero(release.companies()))
                    .setQuarantinedRows(nullToZero(release.quarantined()))
                    .setOccurredAt(Instant.now())
                    .build());
            c.commit();
        }
        dropRetiredSchemas();
        LOG.infof("release %s is live", releaseId);
    }

    /** Makes the previous release live again (the current one becomes the previous). */
    public Release switchBack() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            lockReleases(c);
            Release previous = ReleaseStore.withStatus(c, ReleaseStatus.PREVIOUS).orElseThrow(() -> new ApiException(409,
                    "no_previous_release", "There is no previous release to switch back to: only the last replaced release is kept"));
            Release live = ReleaseStore.withStatus(c, ReleaseStatus.LIVE).orElseThrow();
            // Free the unique "PREVIOUS" slot before taking it.
            ReleaseStore.setStatus(c, previous.id(), ReleaseStatus.READY, null);
            ReleaseStore.setStatus(c, live.id(), ReleaseStatus.PREVIOUS, null);
            ReleaseStore.setStatus(c, previous.id(), ReleaseStatus.LIVE, null);
            DirectoryViews.pointAt(c, ReleaseSchema.of(previous.seq()));
            c.commit();
            LOG.infof("switched back to release %s (%s is now the previous one)", previous.id(), live.id());
            return ReleaseStore.release(c, previous.id()).orElseThrow();
        }
    }

    /** Serialises switches: two at once would fight over the live and previous slots. */
    private static void lockReleases(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("lock table release in share row exclusive mode");
        }
    }

    /** Drops the tables of retired releases (after the switch committed: nothing reads them any more). */
    private void dropRetiredSchemas() {
        try (Connection c = dataSource.getConnection()) {
            for (Release release : ReleaseStore.releases(c)) {
                if (release.status() == ReleaseStatus.RETIRED) {
                    ReleaseSchema.of(release.seq()).drop(c);
                }
            }
        } catch (SQLException e) {
            // Harmless to readers (nothing points at them): logged, and tried again at the next switch.
            LOG.warnf(e, "could not drop the tables of retired releases");
        }
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }
}
