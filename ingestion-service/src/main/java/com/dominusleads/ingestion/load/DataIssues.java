package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;

/** The optional fields dropped from the row being mapped, and why: written as the row's {@code data_issues}. */
final class DataIssues {

    private final String[] issues = new String[16];
    private int count;

    void clear() {
        count = 0;
    }

    void add(String column, String reason, String raw) {
        if (count < issues.length) {
            issues[count++] = column + ": " + reason + (raw == null ? "" : " (\"" + raw + "\")");
        }
    }

    int count() {
        return count;
    }

    /** The issues as a text[], or null when the row is clean (almost always: no array is built then). */
    void writeTo(BinaryCopyBuffer out) {
        if (count == 0) {
            out.nul();
        } else {
            out.textArray(issues, count);
        }
    }
}
