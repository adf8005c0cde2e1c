package com.dominusleads.ingestion.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The load state of a release's files, written in the transaction of the rows it describes: a committed chunk and its
 * rows exist together or not at all, which is what makes a resumed load exact.
 */
public final class ChunkStore {

    /** Where a file's load stands: chunks committed, lines and uncompressed bytes they cover. */
    public record ResumePoint(int chunks, long lines, long bytes) {
    }

    /** One committed chunk. */
    public record Chunk(int chunkNo, long firstLine, int lines, int rowsLoaded, int rowsQuarantined, long bytesEnd) {
    }

    private ChunkStore() {
    }

    public static ResumePoint resumePoint(Connection c, String releaseId, String fileName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select count(*), coalesce(sum(lines), 0), coalesce(max(bytes_end), 0)
                from file_chunk where release_id = ? and file_name = ?""")) {
            s.setString(1, releaseId);
            s.setString(2, fileName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ResumePoint(rs.getInt(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** Records {@code chunk} and adds it to its file's counters (same transaction as its rows). */
    public static void commit(Connection c, String releaseId, String fileName, Chunk chunk) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into file_chunk (release_id, file_name, chunk_no, first_line, lines, rows_loaded,
                                        rows_quarantined, bytes_end)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, releaseId);
            s.setString(2, fileName);
            s.setInt(3, chunk.chunkNo());
            s.setLong(4, chunk.firstLine());
            s.setInt(5, chunk.lines());
            s.setInt(6, chunk.rowsLoaded());
            s.setInt(7, chunk.rowsQuarantined());
            s.setLong(8, chunk.bytesEnd());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                update release_file set rows_loaded = rows_loaded + ?, rows_quarantined = rows_quarantined + ?,
                       lines_read = lines_read + ?, bytes_read = ?
                where release_id = ? and name = ?""")) {
            s.setLong(1, chunk.rowsLoaded());
            s.setLong(2, chunk.rowsQuarantined());
            s.setLong(3, chunk.lines());
            s.setLong(4, chunk.bytesEnd());
            s.setString(5, releaseId);
            s.setString(6, fileName);
            s.executeUpdate();
        }
    }

    public static void quarantine(Connection c, String releaseId, String fileName, List<QuarantinedRow> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into quarantined_row (release_id, file_name, line_no, reason, raw_line)
                values (?, ?, ?, ?, ?)""")) {
            for (QuarantinedRow row : rows) {
                s.setString(1, releaseId);
                s.setString(2, fileName);
                s.setLong(3, row.lineNo());
                s.setString(4, row.reason());
                // PostgreSQL text cannot hold NUL: the raw line keeps everything else, the NUL shown as \0.
                s.setString(5, row.rawLine().replace("\0", "\\0"));
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
