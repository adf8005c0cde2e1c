package com.dominusleads.ingestion.load;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.ingestion.parsing.Fields;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import java.util.List;
import java.util.Locale;

/**
 * A {@code code;description} record of one of the release's own lookup files (Cnaes, Motivos, Municipios, Naturezas,
 * Paises, Qualificacoes) → a row of {@code lookup}. Labels come from the release itself, so they follow the Receita.
 */
public final class LookupMapper implements RowMapper {

    private static final List<String> COLUMNS = List.of("kind", "code", "description", "src_file", "src_line");

    private final String kind;

    public LookupMapper(RfFileKind kind) {
        this.kind = kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String table() {
        return "lookup";
    }

    @Override
    public int fields() {
        return RfFileKind.CNAES.columns();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String map(RfRecordReader r, int fileIndex, BinaryCopyBuffer out) {
        int code = Fields.digits(r, 0);
        if (code == Fields.EMPTY || code == Fields.INVALID) {
            return "invalid_code: expected a numeric code, found \"" + r.field(0) + "\"";
        }
        out.startRow(COLUMNS.size());
        out.text(kind);
        out.int4(code);
        Columns.text(r, 1, out);
        out.int2(fileIndex);
        out.int4((int) r.lineNumber());
        return null;
    }
}
