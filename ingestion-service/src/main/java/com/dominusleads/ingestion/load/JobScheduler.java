package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.config.IngestionConfig;
import com.dominusleads.ingestion.domain.Job;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Finds jobs to run and runs them. A job belongs to whoever holds its PostgreSQL advisory lock, taken on a connection
 * kept open for the job's whole run: if the process dies, so does the connection and the lock with it, and the next
 * poll (here after a restart, or on another instance) takes the job over and resumes it. No lease to expire, no
 * heartbeat to tune.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class);
    /** Advisory lock namespace of ingestion jobs (the two-key form: namespace, job id). */
    private static final int LOCK_NAMESPACE = 4_242;

    private final AgroalDataSource dataSource;
    private final JobRunner runner;
    private final IngestionConfig config;
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService jobs = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ingestion-job");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingestion-job-poller");
        t.setDaemon(true);
        return t;
    });

    public JobScheduler(AgroalDataSource dataSource, JobRunner runner, IngestionConfig config) {
        this.dataSource = dataSource;
        this.runner = runner;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.jobPollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        jobs.shutdownNow();
    }

    /** Looks for work now (after a job was created) rather than at the next poll. */
    public void wakeUp() {
        poller.execute(this::poll);
    }

    private void poll() {
        try {
            List<Job> unfinished;
            try (Connection c = dataSource.getConnection()) {
                unfinished = ReleaseStore.unfinishedJobs(c);
            }
            for (Job job : unfinished) {
                if (!runningHere.contains(job.id())) {
                    tryToRun(job);
                }
            }
        } catch (Exception e) {
            LOG.warnf("looking for ingestion jobs failed (%s); trying again in %s", e.getMessage(), config.jobPollInterval());
        }
    }

    private void tryToRun(Job job) throws SQLException {
        Connection lock = dataSource.getConnection();
        boolean owned = false;
        try {
            lock.setAutoCommit(true);
            owned = tryLock(lock, job.id());
            if (!owned) {
                lock.close(); // someone else runs it (the lock was not taken: nothing to release)
                return;
            }
            runningHere.add(job.id());
            Connection held = lock;
            jobs.execute(() -> {
                try {
                    // Re-read: the job may have finished between the poll and the lock.
                    Job current;
                    try (Connection c = dataSource.getConnection()) {
                        current = ReleaseStore.job(c, job.id()).orElseThrow();
                    }
                    if (current.status().name().equals("QUEUED") || current.status().name().equals("RUNNING")) {
                        if (current.startedAt() != null) {
                            LOG.infof("resuming job %d (%s of release %s) from phase %s", job.id(), job.kind(),
                                    job.releaseId(), current.phase());
                        }
                        runner.run(current);
                    }
                } catch (Exception e) {
                    LOG.errorf(e, "job %d could not run", job.id());
                } finally {
                    runningHere.remove(job.id());
                    try (held) {
                        // A pooled connection outlives close(): the session lock must be released explicitly.
                        unlock(held, job.id());
                    } catch (SQLException e) {
                        LOG.debugf(e, "closing the lock connection of job %d", job.id());
                    }
                }
            });
        } catch (SQLException | RuntimeException e) {
            if (!owned) {
                lock.close();
            }
            throw e;
        }
    }

    private static void unlock(Connection connection, long jobId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            s.setInt(1, LOCK_NAMESPACE);
            s.setInt(2, (int) jobId);
            s.execute();
        }
    }

    private static boolean tryLock(Connection connection, long jobId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, LOCK_NAMESPACE);
            s.setInt(2, (int) jobId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
