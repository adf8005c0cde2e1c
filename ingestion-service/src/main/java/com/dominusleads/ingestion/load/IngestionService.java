package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.domain.Job;
import com.dominusleads.ingestion.domain.JobKind;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.domain.ReleaseStatus;
import com.dominusleads.ingestion.persistence.ReleaseSchema;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import com.dominusleads.servicekit.api.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** What operators ask of the directory: ingest a release, reprocess part of one, switch back. Jobs do the work. */
@ApplicationScoped
public class IngestionService {

    private final AgroalDataSource dataSource;
    private final JobScheduler scheduler;
    private final JobRunner runner;

    public IngestionService(AgroalDataSource dataSource, JobScheduler scheduler, JobRunner runner) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.runner = runner;
    }

    /**
     * Registers release {@code releaseId} from {@code source} and queues its ingestion: FULL loads it into tables of
     * its own and switches readers to them; INCREMENTAL stages it, then changes only the live tables' rows that differ.
     */
    public Job ingest(String releaseId, String source, String mode, String operator) throws SQLException {
        String problem = ReleaseSources.problemWith(source);
        if (problem != null) {
            throw new ApiException(400, "invalid_source", problem, Map.of("source", source));
        }
        Job job;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (ReleaseStore.release(c, releaseId).isPresent()) {
                throw ApiException.conflict("release_exists", "Release " + releaseId + " exists already: give the new"
                        + " release another id, or reprocess a file of this one");
            }
            if (mode.equals("INCREMENTAL") && ReleaseStore.withStatus(c, ReleaseStatus.LIVE).isEmpty()) {
                throw ApiException.conflict("no_live_release", "An incremental ingestion changes the live release's"
                        + " rows, and no release is live yet: ingest this one in full (mode FULL)");
            }
            ReleaseStore.createRelease(c, releaseId, source, mode);
            job = ReleaseStore.createJob(c, releaseId, JobKind.INGEST, null, operator);
            c.commit();
        }
        scheduler.wakeUp();
        return job;
    }

    /** Queues the reprocessing of one file of a release that is not live (it resumes the release's ingestion). */
    public Job reprocessFile(String releaseId, String fileName, String operator) throws SQLException {
        return queue(releaseId, JobKind.REPROCESS_FILE, fileName, operator, c -> {
            Release release = ReleaseStore.release(c, releaseId).orElseThrow();
            if (release.status() == ReleaseStatus.LIVE || release.status() == ReleaseStatus.PREVIOUS) {
                throw ApiException.conflict("release_not_reprocessable", "Release " + releaseId + " is "
                        + release.status() + ": only a release that is loading, failed or ready can have a whole file"
                        + " reprocessed; reprocess its chunks or UFs, or ingest a new release");
            }
            if (!ReleaseStore.hasFile(c, releaseId, fileName)) {
                throw ApiException.notFound("file_not_found", "Release " + releaseId + " has no file " + fileName);
            }
        });
    }

    /** Queues the reload of one committed chunk of a file ({@code chunk} numbers start at 0). */
    public Job reprocessChunk(String releaseId, String fileName, int chunk, String operator) throws SQLException {
        return queue(releaseId, JobKind.REPROCESS_CHUNK, fileName + "#" + chunk, operator, c -> {
            refuseIncremental(c, releaseId);
            try (PreparedStatement s = c.prepareStatement(
                    "select 1 from file_chunk where release_id = ? and file_name = ? and chunk_no = ?")) {
                s.setString(1, releaseId);
                s.setString(2, fileName);
                s.setInt(3, chunk);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("chunk_not_found", "Release " + releaseId + " has no loaded chunk "
                                + chunk + " of " + fileName + " (see its files' progress for what is loaded)");
                    }
                }
            }
        });
    }

    /** Queues the reload of one UF's establishments into a new partition, swapped in when ready. */
    public Job reprocessUf(String releaseId, String uf, String operator) throws SQLException {
        return queue(releaseId, JobKind.REPROCESS_UF, uf, operator, c -> {
            refuseIncremental(c, releaseId);
            Release release = ReleaseStore.release(c, releaseId).orElseThrow();
            if (release.status() != ReleaseStatus.LIVE && release.status() != ReleaseStatus.PREVIOUS
                    && release.status() != ReleaseStatus.READY) {
                throw ApiException.conflict("release_not_loaded", "Release " + releaseId + " is " + release.status()
                        + ": a UF can be reloaded once the release is loaded and indexed");
            }
        });
    }

    /** Rows of an incrementally applied release come from several releases' files: their lines cannot be re-read. */
    private static void refuseIncremental(Connection c, String releaseId) throws SQLException {
        Release release = ReleaseStore.release(c, releaseId).orElseThrow();
        if (release.mode().equals("INCREMENTAL") && !release.dataSchema().equals(ReleaseSchema.of(release.seq()).name())) {
            throw ApiException.conflict("release_applied_incrementally", "Release " + releaseId + " was applied"
                    + " incrementally: its rows come from several releases' files, so parts of it cannot be reloaded;"
                    + " ingest it in full instead");
        }
    }

    @FunctionalInterface
    private interface Check {
        void check(Connection c) throws SQLException;
    }

    private Job queue(String releaseId, JobKind kind, String target, String operator, Check check) throws SQLException {
        Job job;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Release release = ReleaseStore.release(c, releaseId)
                    .orElseThrow(() -> ApiException.notFound("release_not_found", "No release " + releaseId));
            if (release.status() == ReleaseStatus.RETIRED) {
                throw ApiException.conflict("release_retired", "Release " + releaseId + " is retired: its tables are gone");
            }
            check.check(c);
            if (ReleaseStore.hasActiveJob(c, releaseId)) {
                throw ApiException.conflict("job_running", "Release " + releaseId + " has a job queued or running;"
                        + " wait for it to finish (GET /api/ingestion/releases/" + releaseId + ")");
            }
            job = ReleaseStore.createJob(c, releaseId, kind, target, operator);
            c.commit();
        }
        scheduler.wakeUp();
        return job;
    }

    public Release switchBack() throws Exception {
        return runner.releaseSwitch().switchBack();
    }
}
