package com.dominusleads.ingestion.load;

import com.dominusleads.ingestion.parsing.Fields;
import com.dominusleads.ingestion.parsing.RfRecordReader;

/** The CNPJ root ({@code cnpj_basico}): 8 digits, or since July 2026 8 digits and capital letters. */
final class Roots {

    private Roots() {
    }

    /** The quarantine reason of a record whose root field is not a root. */
    static String invalid(RfRecordReader r, int field) {
        return "invalid_cnpj_basico: expected 8 digits or capital letters, found \"" + r.field(field) + "\"";
    }

    /** The root in the field, or null when it is not one. */
    static String of(RfRecordReader r, int field) {
        if (Fields.trimmedLength(r, field) != 8) {
            return null;
        }
        byte[] b = r.source(field);
        int start = Fields.trimmedStart(r, field);
        for (int p = start; p < start + 8; p++) {
            byte c = b[p];
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return null;
            }
        }
        return new String(b, start, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
