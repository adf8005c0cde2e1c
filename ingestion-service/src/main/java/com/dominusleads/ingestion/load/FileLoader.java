package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.ChunkStore;
import com.dominusleads.ingestion.persistence.ChunkStore.Chunk;
import com.dominusleads.ingestion.persistence.ChunkStore.ResumePoint;
import com.dominusleads.ingestion.persistence.ReleaseSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * Loads one release file into its table, streaming the zip (never unzipped to disk) through the parser and mapper into
 * a binary {@code COPY}. The file is cut into chunks of consecutive lines; each chunk's rows, its quarantined rows and
 * its bookkeeping commit in one transaction, so a load killed at any point resumes after the last committed chunk and
 * ends with exactly the rows of an uninterrupted load.
 */
public final class FileLoader {

    private final DataSource dataSource;
    private final LoadSettings settings;

    public FileLoader(DataSource dataSource, LoadSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** What the load of one file did. */
    public record FileResult(long rowsLoaded, long rowsQuarantined, long lines, boolean resumed) {
    }

    /**
     * Loads {@code zip} (the release's file {@code fileName}, index {@code fileIndex} in the release's file list)
     * from where a previous attempt stopped. Records that {@code keep} refuses are skipped (used to reload one UF).
     */
    public FileResult load(String releaseId, ReleaseSchema schema, String fileName, int fileIndex, Path zip,
                           RowMapper mapper, Predicate<RfRecordReader> keep, LoadListener listener)
            throws IOException, SQLException, TooManyBadRowsException {
        try (ZipFile zipFile = new ZipFile(zip.toFile());
             Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ZipEntry entry = singleEntry(zipFile, fileName);
            ResumePoint resume = ChunkStore.resumePoint(connection, releaseId, fileName);
            connection.commit();
            listener.started(fileName, entry.getSize(), resume.bytes());
            try (InputStream in = zipFile.getInputStream(entry)) {
                RfRecordReader reader = new RfRecordReader(in, mapper.fields());
                skip(reader, resume.lines());
                return loadChunks(connection, releaseId, schema, fileName, fileIndex, reader, mapper, keep, listener,
                        resume.chunks());
            }
        }
    }

    private FileResult loadChunks(Connection connection, String releaseId, ReleaseSchema schema, String fileName,
                                  int fileIndex, RfRecordReader reader, RowMapper mapper,
                                  Predicate<RfRecordReader> keep, LoadListener listener, int chunksDone)
            throws IOException, SQLException, TooManyBadRowsException {
        RecordCopy copy = new RecordCopy(connection, schema.table(mapper.table()), mapper, fileIndex, keep);
        long totalRows = 0;
        long totalBad = 0;
        long totalLines = 0;
        int chunkNo = chunksDone;
        while (true) {
            long firstLine = reader.linesRead() + 1;
            RecordCopy.Result chunk;
            try {
                chunk = copy.copy(reader, settings.chunkLines());
            } catch (SQLException | RuntimeException | IOException e) {
                connection.rollback();
                throw e;
            }
            if (chunk.lines() == 0) {
                connection.rollback();
                break;
            }
            ChunkStore.quarantine(connection, releaseId, fileName, chunk.quarantined());
            ChunkStore.commit(connection, releaseId, fileName, new Chunk(chunkNo++, firstLine, chunk.lines(),
                    chunk.rows(), chunk.quarantined().size(), reader.bytesRead()));
            connection.commit();
            totalRows += chunk.rows();
            totalBad += chunk.quarantined().size();
            totalLines += chunk.lines();
            checkBadRows(fileName, totalLines, totalBad);
            if (Thread.currentThread().isInterrupted()) {
                // The job failed elsewhere: stop at this chunk boundary (a resumed job goes on from here).
                throw new java.io.InterruptedIOException(fileName + ": load stopped after chunk " + (chunkNo - 1));
            }
            if (chunk.endOfFile()) {
                break;
            }
        }
        return new FileResult(totalRows, totalBad, totalLines, chunksDone > 0);
    }

    /**
     * A file with more than the allowed share of malformed rows is not a file of this format (a wrong or corrupted
     * download, a layout change): stop rather than quarantine millions of lines. Judged once enough lines were seen
     * (in a short file a few bad lines prove nothing; they are quarantined all the same).
     */
    private void checkBadRows(String fileName, long lines, long bad) throws TooManyBadRowsException {
        if (lines == 0 || lines < settings.minLinesForBadRowCheck()) {
            return;
        }
        if (100.0 * bad / lines > settings.maxBadRowPercent()) {
            throw new TooManyBadRowsException(fileName, bad, lines, settings.maxBadRowPercent());
        }
    }

    static void skip(RfRecordReader reader, long lines) throws IOException {
        while (reader.linesRead() < lines && reader.next()) {
            // the committed chunks' records: already loaded
        }
        if (reader.linesRead() != lines) {
            throw new IOException("the file has " + reader.linesRead() + " lines, fewer than the " + lines
                    + " already loaded from it: it changed since the load began; start a new ingestion of it");
        }
    }

    static ZipEntry singleEntry(ZipFile zip, String fileName) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        List<ZipEntry> files = new ArrayList<>();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory()) {
                files.add(entry);
            }
        }
        if (files.size() != 1) {
            throw new IOException(fileName + " holds " + files.size() + " files; a Receita release zip holds exactly one CSV");
        }
        return files.get(0);
    }
}
