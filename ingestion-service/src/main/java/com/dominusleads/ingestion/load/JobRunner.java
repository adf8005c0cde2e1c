package com.dominusleads.ingestion.load;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.directory.Ufs;
import com.dominusleads.ingestion.config.IngestionConfig;
import com.dominusleads.ingestion.domain.Job;
import com.dominusleads.ingestion.domain.JobPhase;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.domain.ReleaseFileState;
import com.dominusleads.ingestion.domain.ReleaseStatus;
import com.dominusleads.ingestion.normalisation.PhoneNumbers;
import com.dominusleads.ingestion.persistence.ReleaseIndexing;
import com.dominusleads.ingestion.persistence.ReleaseSchema;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import com.dominusleads.ingestion.persistence.Transactions;
import com.dominusleads.ingestion.release.ReleaseFile;
import com.dominusleads.ingestion.release.ReleaseSource;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Runs one job to its end: the phases of an ingestion (files, load, index, switch), each of which can be entered again
 * after a crash and goes on where the previous run stopped.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final AgroalDataSource dataSource;
    private final IngestionConfig config;
    private final ReleaseSources sources;
    private final FileLoader loader;
    private final ReleaseSwitch releaseSwitch;
    private final PhoneNumbers phones = new PhoneNumbers();

    public JobRunner(AgroalDataSource dataSource, IngestionConfig config, OutboxWriter outbox) {
        this.dataSource = dataSource;
        this.config = config;
        this.sources = new ReleaseSources(Path.of(config.downloadDir()));
        this.loader = new FileLoader(dataSource, new LoadSettings(config.chunkLines(), config.maxBadRowPercent(),
                config.minLinesForBadRowCheck()));
        this.releaseSwitch = new ReleaseSwitch(dataSource, outbox);
    }

    public ReleaseSwitch releaseSwitch() {
        return releaseSwitch;
    }

    /** Runs {@code job}; the caller holds its lock. Failures are recorded on the job (and its release), not thrown. */
    public void run(Job job) {
        long started = System.nanoTime();
        try {
            Release release = inTransaction(c -> ReleaseStore.release(c, job.releaseId()).orElseThrow());
            switch (job.kind()) {
                case INGEST -> ingest(job, release);
                case REPROCESS_FILE -> {
                    resetFile(release, job.target());
                    ingest(job, release);
                }
                case REPROCESS_CHUNK -> {
                    String[] target = job.target().split("#");
                    phase(job, JobPhase.LOAD);
                    reprocessing().chunk(release, sources.open(release.source(), release.id()), target[0],
                            Integer.parseInt(target[1]));
                }
                case REPROCESS_UF -> {
                    phase(job, JobPhase.LOAD);
                    reprocessing().uf(release, sources.open(release.source(), release.id()), job.target());
                }
            }
            inTransaction(c -> {
                ReleaseStore.jobFinished(c, job.id(), null);
                return null;
            });
            LOG.infof("job %d (%s of release %s) succeeded in %.1f s", job.id(), job.kind(), job.releaseId(),
                    (System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            String message = e instanceof JobFailure || e instanceof TooManyBadRowsException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf(e, "job %d (%s of release %s) failed: %s", job.id(), job.kind(), job.releaseId(), message);
            try {
                inTransaction(c -> {
                    ReleaseStore.jobFinished(c, job.id(), message);
                    Release release = ReleaseStore.release(c, job.releaseId()).orElseThrow();
                    if (release.status() == ReleaseStatus.LOADING) {
                        ReleaseStore.setStatus(c, job.releaseId(), ReleaseStatus.FAILED, message);
                    }
                    return null;
                });
            } catch (Exception recording) {
                LOG.errorf(recording, "could not record the failure of job %d", job.id());
            }
        }
    }

    private void ingest(Job job, Release given) throws Exception {
        // A resumed job goes on where it stopped: a release already switched has nothing left to do, and one that is
        // ready only needs its switch.
        Release release = inTransaction(c -> ReleaseStore.release(c, given.id()).orElseThrow());
        if (release.status() == ReleaseStatus.LIVE || release.status() == ReleaseStatus.PREVIOUS
                || release.status() == ReleaseStatus.RETIRED) {
            return;
        }
        if (release.status() != ReleaseStatus.READY) {
            load(job, release);
        }
        phase(job, JobPhase.SWITCH);
        if (release.mode().equals("INCREMENTAL")) {
            releaseSwitch.applyIncrementally(release.id());
        } else {
            releaseSwitch.goLive(release.id());
        }
        forgetRetiredDownloads();
    }

    /** Zips downloaded for releases now retired are not needed again. */
    private void forgetRetiredDownloads() throws Exception {
        for (Release retired : inTransaction(ReleaseStore::releases)) {
            if (retired.status() == ReleaseStatus.RETIRED) {
                try {
                    sources.forget(retired.id());
                } catch (java.io.IOException e) {
                    LOG.warnf("could not delete the downloads of retired release %s: %s", retired.id(), e.getMessage());
                }
            }
        }
    }

    /** FILES, LOAD and INDEX: the release's files loaded, made durable and indexed; READY at the end. */
    private void load(Job job, Release release) throws Exception {
        ReleaseSchema schema = ReleaseSchema.of(release.seq());
        ReleaseSource source = sources.open(release.source(), release.id());

        phase(job, JobPhase.FILES);
        List<ReleaseFile> files = source.files();
        if (files.stream().noneMatch(f -> f.kind() == RfFileKind.ESTABELECIMENTOS)) {
            throw new JobFailure("no Estabelecimentos file at " + source.location() + ": a release holds"
                    + " Estabelecimentos0.zip … Estabelecimentos9.zip, Empresas0-9, Socios0-9, Simples and the lookups");
        }
        inTransaction(c -> {
            ReleaseStore.setStatus(c, release.id(), ReleaseStatus.LOADING, null);
            ReleaseStore.registerFiles(c, release.id(), files);
            schema.create(c);
            return null;
        });

        phase(job, JobPhase.LOAD);
        loadFiles(release, schema, source);

        boolean incremental = release.mode().equals("INCREMENTAL");
        phase(job, JobPhase.INDEX);
        ReleaseIndexing indexing = new ReleaseIndexing(dataSource, config.workers(), config.durableTables());
        if (incremental) {
            indexing.runForStaging(release.id(), schema);
        } else {
            indexing.run(release.id(), schema, step -> {
            });
        }
        inTransaction(c -> {
            ReleaseStore.recordCountsFrom(c, release.id(), schema);
            ReleaseStore.setStatus(c, release.id(), ReleaseStatus.READY, null);
            return null;
        });
    }

    /** Loads every file not yet done, {@code workers} at a time, largest first (so none is left alone at the end). */
    private void loadFiles(Release release, ReleaseSchema schema, ReleaseSource source) throws Exception {
        List<ReleaseFileState> pending = new ArrayList<>(inTransaction(c -> ReleaseStore.files(c, release.id())))
                .stream().filter(f -> !f.status().equals("DONE"))
                .sorted(Comparator.comparing((ReleaseFileState f) -> f.sizeBytes() == null ? 0 : f.sizeBytes()).reversed())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "release-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ReleaseFileState file : pending) {
                running.add(pool.submit(() -> {
                    loadFile(release, schema, source, file);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            stop(pool);
        }
    }

    /**
     * Stops the other loaders (they check for interruption between chunks) and waits for them: the job's lock must
     * not be released while one of its loaders still commits.
     */
    static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdownNow();
        while (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
            LOG.info("waiting for the release's loaders to stop");
        }
    }

    private void loadFile(Release release, ReleaseSchema schema, ReleaseSource source, ReleaseFileState state)
            throws Exception {
        RfFileKind kind = RfFileKind.valueOf(state.kind());
        ReleaseFile file = new ReleaseFile(state.name(), kind, state.sizeBytes() == null ? -1 : state.sizeBytes());
        Path zip = source.fetch(file, (name, done, total) -> {
        });
        long started = System.nanoTime();
        try {
            FileLoader.FileResult result = loader.load(release.id(), schema, file.name(), FileIndex.of(file.name()), zip,
                    Mappers.forKind(kind, phones), r -> true, new LoadListener() {
                        @Override
                        public void started(String fileName, long bytesTotal, long bytesAlreadyRead) {
                            try {
                                inTransaction(c -> {
                                    ReleaseStore.fileStarted(c, release.id(), fileName, bytesTotal);
                                    return null;
                                });
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    });
            inTransaction(c -> {
                ReleaseStore.fileFinished(c, release.id(), file.name(), null);
                return null;
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.infof("release %s: %s loaded, %d rows (%d quarantined) in %.1f s, %.0f rows/s%s", release.id(),
                    file.name(), result.rowsLoaded(), result.rowsQuarantined(), seconds,
                    result.rowsLoaded() / Math.max(seconds, 1e-3), result.resumed() ? " (resumed)" : "");
        } catch (Exception e) {
            inTransaction(c -> {
                ReleaseStore.fileFinished(c, release.id(), file.name(), e.getMessage());
                return null;
            });
            throw e;
        }
    }

    private Reprocessing reprocessing() {
        return new Reprocessing(dataSource, new ReleaseIndexing(dataSource, config.workers(), config.durableTables()),
                phones);
    }

    /** Forgets a file's load and deletes its rows, so that the ingestion loads it again. */
    private void resetFile(Release release, String fileName) throws Exception {
        if (release.status() == ReleaseStatus.LIVE || release.status() == ReleaseStatus.PREVIOUS) {
            throw new JobFailure("release " + release.id() + " is " + release.status() + ": reprocessing applies to a"
                    + " release that is not serving readers; ingest the release again instead");
        }
        RfFileKind kind = RfFileKind.ofFileName(fileName).orElseThrow(() -> new JobFailure(fileName + " is not a release file"));
        String table = Mappers.forKind(kind, phones).table();
        ReleaseSchema schema = ReleaseSchema.of(release.seq());
        inTransaction(c -> {
            try (var s = c.prepareStatement("delete from " + schema.table(table) + " where src_file = ?")) {
                s.setInt(1, FileIndex.of(fileName));
                s.executeUpdate();
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) { // no table yet: nothing was loaded
                    throw e;
                }
                c.rollback();
            }
            ReleaseStore.resetFile(c, release.id(), fileName);
            ReleaseStore.forgetSteps(c, release.id());
            ReleaseStore.setStatus(c, release.id(), ReleaseStatus.LOADING, null);
            // Its unique index goes too: the reloaded rows may clash with duplicates removed at indexing, and the
            // index step (run again) removes them again.
            try (var s = c.createStatement()) {
                if (kind == RfFileKind.ESTABELECIMENTOS) {
                    for (String uf : Ufs.ALL) {
                        s.execute("drop index if exists " + schema.name() + ".establishment_"
                                + uf.toLowerCase(java.util.Locale.ROOT) + "_cnpj");
                    }
                } else if (kind == RfFileKind.EMPRESAS || kind == RfFileKind.SIMPLES) {
                    s.execute("drop index if exists " + schema.name() + "." + table + "_key");
                }
            }
            return null;
        });
    }

    private void phase(Job job, JobPhase phase) throws Exception {
        inTransaction(c -> {
            ReleaseStore.jobRunning(c, job.id(), phase);
            return null;
        });
        LOG.infof("job %d (%s of release %s): %s", job.id(), job.kind(), job.releaseId(), phase);
    }

    <T> T inTransaction(Transactions.Work<T> work) throws Exception {
        return Transactions.inTransaction(dataSource, work);
    }
}
