package com.dominusleads.ingestion.persistence;

import com.dominusleads.ingestion.domain.Job;
import com.dominusleads.ingestion.domain.JobKind;
import com.dominusleads.ingestion.domain.JobPhase;
import com.dominusleads.ingestion.domain.JobStatus;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.domain.ReleaseFileState;
import com.dominusleads.ingestion.domain.ReleaseStatus;
import com.dominusleads.ingestion.release.ReleaseFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Releases, their files, jobs and post-load steps (JDBC: the loader's transactions are JDBC transactions). */
public final class ReleaseStore {

    private static final String RELEASE_COLUMNS = "id, seq, source, mode, data_schema, status, establishments, companies, partners,"
            + " quarantined, created_at, live_at, error";
    private static final String JOB_COLUMNS = "id, release_id, kind, target, status, phase, requested_by, created_at,"
            + " started_at, finished_at, error";

    private ReleaseStore() {
    }

    public static Release createRelease(Connection c, String id, String source, String mode) throws SQLException {
        // One statement: the schema name follows from the sequence value it takes.
        try (PreparedStatement s = c.prepareStatement("with seq as (select nextval('release_seq') as n)"
                + " insert into release (id, seq, source, mode, data_schema, status)"
                + " select ?, n, ?, ?, 'release_' || n, 'LOADING' from seq returning " + RELEASE_COLUMNS)) {
            s.setString(1, id);
            s.setString(2, source);
            s.setString(3, mode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return release(rs);
            }
        }
    }

    public static Optional<Release> release(Connection c, String id) throws SQLException {
        List<Release> found = releases(c, "where id = ?", id);
        return found.stream().findFirst();
    }

    public static Optional<Release> withStatus(Connection c, ReleaseStatus status) throws SQLException {
        return releases(c, "where status = ?", status.name()).stream().findFirst();
    }

    public static List<Release> releases(Connection c) throws SQLException {
        return releases(c, "", null);
    }

    /** Records that the release's rows are now in {@code schema} (an incremental release once applied). */
    public static void setDataSchema(Connection c, String id, ReleaseSchema schema) throws SQLException {
        update(c, "update release set data_schema = ? where id = ?", schema.name(), id);
    }

    public static void setStatus(Connection c, String id, ReleaseStatus status, String error) throws SQLException {
        update(c, "update release set status = ?, error = ?,"
                + " live_at = case when ? = 'LIVE' then now() else live_at end where id = ?", status.name(), error,
                status.name(), id);
    }

    /**
     * The release's totals: the rows now in {@code schema}. Counted, not summed from its files: duplicates left for
     * quarantine, and an incremental release's staged files, say nothing of what the directory holds.
     */
    public static void recordCountsFrom(Connection c, String id, ReleaseSchema schema) throws SQLException {
        update(c, "update release set establishments = (select count(*) from " + schema.table("establishment") + "),"
                + " companies = (select count(*) from " + schema.table("company") + "),"
                + " partners = (select count(*) from " + schema.table("partner") + "),"
                + " quarantined = (select count(*) from quarantined_row where release_id = ?) where id = ?", id, id);
    }

    public static void registerFiles(Connection c, String releaseId, List<ReleaseFile> files) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into release_file (release_id, name, kind, size_bytes,"
                + " status) values (?, ?, ?, ?, 'PENDING') on conflict do nothing")) {
            for (ReleaseFile file : files) {
                s.setString(1, releaseId);
                s.setString(2, file.name());
                s.setString(3, file.kind().name());
                s.setObject(4, file.size() < 0 ? null : file.size());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public static List<ReleaseFileState> files(Connection c, String releaseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select name, kind, size_bytes, status, rows_loaded, rows_quarantined, lines_read, bytes_total,
                       bytes_read, started_at, finished_at, error
                from release_file where release_id = ? order by name""")) {
            s.setString(1, releaseId);
            List<ReleaseFileState> files = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.add(new ReleaseFileState(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), (Long) rs.getObject(8),
                            rs.getLong(9), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                            rs.getString(12)));
                }
            }
            return files;
        }
    }

    public static void fileStarted(Connection c, String releaseId, String name, long bytesTotal) throws SQLException {
        update(c, "update release_file set status = 'LOADING', bytes_total = ?, error = null,"
                + " started_at = coalesce(started_at, now()) where release_id = ? and name = ?", bytesTotal, releaseId, name);
    }

    public static void fileFinished(Connection c, String releaseId, String name, String error) throws SQLException {
        update(c, "update release_file set status = ?, error = ?, finished_at = now() where release_id = ? and name = ?",
                error == null ? "DONE" : "FAILED", error, releaseId, name);
    }

    /** Forgets a file's load (its chunks, quarantined rows and counters): the caller deletes its rows. */
    public static void resetFile(Connection c, String releaseId, String name) throws SQLException {
        update(c, "delete from file_chunk where release_id = ? and file_name = ?", releaseId, name);
        update(c, "delete from quarantined_row where release_id = ? and file_name = ?", releaseId, name);
        update(c, """
                update release_file set status = 'PENDING', rows_loaded = 0, rows_quarantined = 0, lines_read = 0,
                       bytes_read = 0, started_at = null, finished_at = null, error = null
                where release_id = ? and name = ?""", releaseId, name);
    }

    public static Job createJob(Connection c, String releaseId, JobKind kind, String target, String requestedBy)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into ingestion_job (release_id, kind, target, status,"
                + " requested_by) values (?, ?, ?, 'QUEUED', ?) returning " + JOB_COLUMNS)) {
            s.setString(1, releaseId);
            s.setString(2, kind.name());
            s.setString(3, target);
            s.setString(4, requestedBy);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return job(rs);
            }
        }
    }

    public static Optional<Job> job(Connection c, long id) throws SQLException {
        return jobs(c, "where id = ?", id).stream().findFirst();
    }

    /** Jobs that should be running: queued ones, and running ones whose owner may have died. */
    public static List<Job> unfinishedJobs(Connection c) throws SQLException {
        return jobs(c, "where status in ('QUEUED', 'RUNNING') order by id", null);
    }

    public static List<Job> jobsOf(Connection c, String releaseId) throws SQLException {
        return jobs(c, "where release_id = ? order by id", releaseId);
    }

    public static void jobRunning(Connection c, long id, JobPhase phase) throws SQLException {
        update(c, "update ingestion_job set status = 'RUNNING', phase = ?, started_at = coalesce(started_at, now())"
                + " where id = ?", phase.name(), id);
    }

    public static void jobFinished(Connection c, long id, String error) throws SQLException {
        update(c, "update ingestion_job set status = ?, error = ?, finished_at = now() where id = ?",
                error == null ? JobStatus.SUCCEEDED.name() : JobStatus.FAILED.name(), error, id);
    }

    public static boolean hasFile(Connection c, String releaseId, String fileName) throws SQLException {
        return exists(c, "select 1 from release_file where release_id = ? and name = ?", releaseId, fileName);
    }

    /** Whether a job of the release is queued or running: one at a time per release. */
    public static boolean hasActiveJob(Connection c, String releaseId) throws SQLException {
        return exists(c, "select 1 from ingestion_job where release_id = ? and status in ('QUEUED', 'RUNNING')", releaseId);
    }

    public static boolean stepDone(Connection c, String releaseId, String step) throws SQLException {
        return exists(c, "select 1 from release_step where release_id = ? and step = ?", releaseId, step);
    }

    private static boolean exists(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void stepFinished(Connection c, String releaseId, String step, double seconds) throws SQLException {
        update(c, "insert into release_step (release_id, step, seconds) values (?, ?, ?) on conflict do nothing",
                releaseId, step, seconds);
    }

    public static void forgetSteps(Connection c, String releaseId) throws SQLException {
        update(c, "delete from release_step where release_id = ?", releaseId);
    }

    private static List<Release> releases(Connection c, String where, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + RELEASE_COLUMNS + " from release " + where
                + " order by seq desc")) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            List<Release> releases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    releases.add(release(rs));
                }
            }
            return releases;
        }
    }

    private static List<Job> jobs(Connection c, String where, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + JOB_COLUMNS + " from ingestion_job " + where)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jobs.add(job(rs));
                }
            }
            return jobs;
        }
    }

    private static Release release(ResultSet rs) throws SQLException {
        return new Release(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ReleaseStatus.valueOf(rs.getString(6)), (Long) rs.getObject(7), (Long) rs.getObject(8),
                (Long) rs.getObject(9), (Long) rs.getObject(10), rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class), rs.getString(13));
    }

    private static Job job(ResultSet rs) throws SQLException {
        String phase = rs.getString(6);
        return new Job(rs.getLong(1), rs.getString(2), JobKind.valueOf(rs.getString(3)), rs.getString(4),
                JobStatus.valueOf(rs.getString(5)), phase == null ? null : JobPhase.valueOf(phase), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                rs.getObject(10, OffsetDateTime.class), rs.getString(11));
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
