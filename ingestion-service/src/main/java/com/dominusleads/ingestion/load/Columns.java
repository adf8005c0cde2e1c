package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.parsing.Fields;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;

/** Field → column writes every mapper shares. */
final class Columns {

    private Columns() {
    }

    /** Trimmed text, NULL when blank (the Receita's "" means "not informed"). */
    static void text(RfRecordReader r, int field, BinaryCopyBuffer out) {
        int len = Fields.trimmedLength(r, field);
        if (len == 0) {
            out.nul();
        } else {
            out.latin1Text(r.source(field), Fields.trimmedStart(r, field), len);
        }
    }

    /** A small numeric code as smallint; blank → NULL; not a number → NULL and a data issue. */
    static void smallCode(RfRecordReader r, int field, String column, DataIssues issues, BinaryCopyBuffer out) {
        int code = Fields.digits(r, field);
        if (code == Fields.EMPTY) {
            out.nul();
        } else if (code == Fields.INVALID || code > Short.MAX_VALUE) {
            issues.add(column, "not a code", r.field(field));
            out.nul();
        } else {
            out.int2(code);
        }
    }

    /** A YYYYMMDD date; "0"/"00000000"/blank → NULL; not a date → NULL and a data issue. */
    static void date(RfRecordReader r, int field, String column, DataIssues issues, BinaryCopyBuffer out) {
        int day = Fields.date(r, field);
        if (day == Fields.NO_DATE) {
            out.nul();
        } else if (day == Fields.INVALID) {
            issues.add(column, "not a YYYYMMDD date", r.field(field));
            out.nul();
        } else {
            out.date(day);
        }
    }

    /** S → true, N → false, blank → NULL; anything else → NULL and a data issue. */
    static void flag(RfRecordReader r, int field, String column, DataIssues issues, BinaryCopyBuffer out) {
        if (Fields.is(r, field, "S")) {
            out.bool(true);
        } else if (Fields.is(r, field, "N")) {
            out.bool(false);
        } else {
            if (!Fields.isBlank(r, field)) {
                issues.add(column, "expected S or N", r.field(field));
            }
            out.nul();
        }
    }
}
