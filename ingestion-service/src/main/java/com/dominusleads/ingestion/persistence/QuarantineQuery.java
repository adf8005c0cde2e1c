package com.dominusleads.ingestion.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The quarantined rows of a release, optionally of one file, in keyset pages. */
public final class QuarantineQuery {

    public record Row(long id, String file, long line, String reason, String rawLine) {
    }

    /** A page and the cursor of the next one ({@code after}); null when this is the last. */
    public record Page(List<Row> rows, Long next) {
    }

    private QuarantineQuery() {
    }

    public static Page page(Connection c, String releaseId, String file, long after, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select id, file_name, line_no, reason, raw_line from quarantined_row
                where release_id = ? and (?::text is null or file_name = ?) and id > ?
                order by id limit ?""")) {
            s.setString(1, releaseId);
            s.setString(2, file);
            s.setString(3, file);
            s.setLong(4, after);
            s.setInt(5, limit + 1);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
            Long next = null;
            if (rows.size() > limit) {
                rows.remove(limit);
                next = rows.get(limit - 1).id();
            }
            return new Page(rows, next);
        }
    }
}
