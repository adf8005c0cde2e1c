package com.dominusleads.ingestion.load;

import static com.dominusleads.directory.SimplesColumn.*;

import com.dominusleads.directory.SimplesColumn;
import com.dominusleads.directory.RfFileKind;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import java.util.List;

/** The {@code Simples} record of a company → a row of {@code simples}: Simples Nacional and MEI options and dates. */
public final class SimplesMapper implements RowMapper {

    private static final List<String> COLUMNS = List.of("cnpj_basico", "opcao_simples", "data_opcao_simples",
            "data_exclusao_simples", "opcao_mei", "data_opcao_mei", "data_exclusao_mei", "data_issues", "src_file",
            "src_line");

    private final DataIssues issues = new DataIssues();

    @Override
    public String table() {
        return "simples";
    }

    @Override
    public int fields() {
        return RfFileKind.SIMPLES.columns();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String map(RfRecordReader r, int fileIndex, BinaryCopyBuffer out) {
        String root = Roots.of(r, i(CNPJ_BASICO));
        if (root == null) {
            return Roots.invalid(r, i(CNPJ_BASICO));
        }
        issues.clear();
        out.mark();
        out.startRow(COLUMNS.size());
        out.text(root);
        Columns.flag(r, i(OPCAO_SIMPLES), "opcao_simples", issues, out);
        Columns.date(r, i(DATA_OPCAO_SIMPLES), "data_opcao_simples", issues, out);
        Columns.date(r, i(DATA_EXCLUSAO_SIMPLES), "data_exclusao_simples", issues, out);
        Columns.flag(r, i(OPCAO_MEI), "opcao_mei", issues, out);
        Columns.date(r, i(DATA_OPCAO_MEI), "data_opcao_mei", issues, out);
        Columns.date(r, i(DATA_EXCLUSAO_MEI), "data_exclusao_mei", issues, out);
        issues.writeTo(out);
        out.int2(fileIndex);
        out.int4((int) r.lineNumber());
        return null;
    }

    private static int i(SimplesColumn column) {
        return column.ordinal();
    }
}
