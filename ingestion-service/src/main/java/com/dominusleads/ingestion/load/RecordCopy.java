package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import com.dominusleads.ingestion.persistence.QuarantinedRow;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies the next records of a file into one table with a binary {@code COPY} on the caller's connection (inside the
 * caller's transaction): parsed, mapped, buffered and sent in large writes; malformed records are collected for
 * quarantine instead. The unit both the chunked load and reprocessing are made of.
 */
final class RecordCopy {

    /** Bytes buffered before they are written to the server: large writes, bounded memory. */
    private static final int FLUSH_BYTES = 1 << 20;

    /** What one copy did: rows written, malformed records, lines read, and whether the file ended. */
    record Result(int rows, List<QuarantinedRow> quarantined, int lines, boolean endOfFile) {
    }

    private final Connection connection;
    private final String copySql;
    private final RowMapper mapper;
    private final int fileIndex;
    private final Predicate<RfRecordReader> keep;
    private final BinaryCopyBuffer buffer = new BinaryCopyBuffer(FLUSH_BYTES + (64 << 10));

    /** Rows go to {@code table} (schema-qualified), in {@code mapper}'s columns; {@code keep} may skip records. */
    RecordCopy(Connection connection, String table, RowMapper mapper, int fileIndex, Predicate<RfRecordReader> keep) {
        this.connection = connection;
        this.copySql = "COPY " + table + " (" + String.join(", ", mapper.columns()) + ") FROM STDIN (FORMAT binary)";
        this.mapper = mapper;
        this.fileIndex = fileIndex;
        this.keep = keep;
    }

    /** Copies records until {@code maxLines} more lines were read or the file ended. */
    Result copy(RfRecordReader reader, long maxLines) throws IOException, SQLException {
        List<QuarantinedRow> quarantined = new ArrayList<>();
        long linesAtStart = reader.linesRead();
        int rows = 0;
        boolean endOfFile = false;
        buffer.clear();
        buffer.header();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            while (reader.linesRead() - linesAtStart < maxLines) {
                if (!reader.next()) {
                    endOfFile = true;
                    break;
                }
                String problem = reader.problem();
                if (problem == null && !keep.test(reader)) {
                    continue;
                }
                if (problem == null) {
                    problem = mapper.map(reader, fileIndex, buffer);
                }
                if (problem != null) {
                    quarantined.add(new QuarantinedRow(reader.lineNumber(), problem, reader.rawLine()));
                } else {
                    rows++;
                }
                if (buffer.size() >= FLUSH_BYTES) {
                    copy.writeToCopy(buffer.bytes(), 0, buffer.size());
                    buffer.clear();
                }
            }
            buffer.trailer();
            copy.writeToCopy(buffer.bytes(), 0, buffer.size());
            copy.endCopy();
        } catch (SQLException | RuntimeException | IOException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        return new Result(rows, quarantined, (int) (reader.linesRead() - linesAtStart), endOfFile);
    }
}
