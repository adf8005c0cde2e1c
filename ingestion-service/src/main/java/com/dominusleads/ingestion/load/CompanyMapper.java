package com.dominusleads.ingestion.load;

import static com.dominusleads.directory.EmpresaColumn.*;

import com.dominusleads.directory.EmpresaColumn;
import com.dominusleads.directory.RfFileKind;
import com.dominusleads.ingestion.parsing.Fields;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import java.util.List;

/** An {@code Empresas} record → a row of {@code company}: capital as numeric (decimal comma), porte as its code. */
public final class CompanyMapper implements RowMapper {

    private static final List<String> COLUMNS = List.of("cnpj_basico", "razao_social", "natureza_juridica",
            "qualificacao_responsavel", "capital_social", "porte", "ente_federativo", "data_issues", "src_file",
            "src_line");

    private final DataIssues issues = new DataIssues();

    @Override
    public String table() {
        return "company";
    }

    @Override
    public int fields() {
        return RfFileKind.EMPRESAS.columns();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String map(RfRecordReader r, int fileIndex, BinaryCopyBuffer out) {
        String root = Roots.of(r, CNPJ_BASICO.ordinal());
        if (root == null) {
            return Roots.invalid(r, CNPJ_BASICO.ordinal());
        }
        issues.clear();
        out.mark();
        out.startRow(COLUMNS.size());
        out.text(root);
        Columns.text(r, RAZAO_SOCIAL.ordinal(), out);
        Columns.smallCode(r, NATUREZA_JURIDICA.ordinal(), "natureza_juridica", issues, out);
        Columns.smallCode(r, QUALIFICACAO_RESPONSAVEL.ordinal(), "qualificacao_responsavel", issues, out);
        capital(r, out);
        porte(r, out);
        Columns.text(r, ENTE_FEDERATIVO.ordinal(), out);
        issues.writeTo(out);
        out.int2(fileIndex);
        out.int4((int) r.lineNumber());
        return null;
    }

    /** {@code 1061004829,23} → 1061004829.23; blank → NULL; anything else is a data issue. */
    private void capital(RfRecordReader r, BinaryCopyBuffer out) {
        int field = CAPITAL_SOCIAL.ordinal();
        byte[] b = r.source(field);
        int start = Fields.trimmedStart(r, field);
        int end = start + Fields.trimmedLength(r, field);
        if (start == end) {
            out.nul();
            return;
        }
        long unscaled = 0;
        int decimals = -1;
        boolean ok = true;
        try {
            for (int p = start; p < end && ok; p++) {
                byte c = b[p];
                if (c >= '0' && c <= '9' && decimals < 2) {
                    unscaled = Math.addExact(Math.multiplyExact(unscaled, 10), c - '0');
                    if (decimals >= 0) {
                        decimals++;
                    }
                } else if (c == ',' && decimals < 0) {
                    decimals = 0;
                } else {
                    ok = false; // a third decimal, a second comma, or not a digit
                }
            }
            for (int d = Math.max(decimals, 0); d < 2 && ok; d++) {
                unscaled = Math.multiplyExact(unscaled, 10);
            }
        } catch (ArithmeticException tooLarge) {
            ok = false;
        }
        if (!ok) { // too large for a long of centavos (R$ 92 quadrillion) is not a capital either
            issues.add("capital_social", "not an amount with a decimal comma", r.field(field));
            out.nul();
            return;
        }
        out.numeric(unscaled, 2);
    }

    private void porte(RfRecordReader r, BinaryCopyBuffer out) {
        int porte = Fields.digits(r, PORTE.ordinal());
        if (porte == Fields.EMPTY) {
            out.nul();
        } else if (porte == 0 || porte == 1 || porte == 3 || porte == 5) {
            out.int2(porte);
        } else {
            issues.add("porte", "expected 00, 01, 03 or 05", r.field(PORTE.ordinal()));
            out.nul();
        }
    }

    private static int i(EmpresaColumn column) {
        return column.ordinal();
    }
}
