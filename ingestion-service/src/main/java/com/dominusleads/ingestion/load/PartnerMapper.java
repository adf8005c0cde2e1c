package com.dominusleads.ingestion.load;

import static com.dominusleads.directory.SocioColumn.*;

import com.dominusleads.directory.SocioColumn;
import com.dominusleads.directory.RfFileKind;
import com.dominusleads.ingestion.parsing.Fields;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import java.util.List;

/**
 * A {@code Socios} record → a row of {@code partner}. Documents are kept exactly as published: the Receita masks
 * partners' CPFs ({@code ***123456**}) and the directory neither unmasks nor re-masks them.
 */
public final class PartnerMapper implements RowMapper {

    private static final List<String> COLUMNS = List.of("cnpj_basico", "identificador", "nome", "documento",
            "qualificacao", "data_entrada", "pais", "representante_documento", "representante_nome",
            "representante_qualificacao", "faixa_etaria", "data_issues", "src_file", "src_line");

    private final DataIssues issues = new DataIssues();

    @Override
    public String table() {
        return "partner";
    }

    @Override
    public int fields() {
        return RfFileKind.SOCIOS.columns();
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
        int kind = Fields.digits(r, i(IDENTIFICADOR_SOCIO));
        if (kind != 1 && kind != 2 && kind != 3) {
            return "invalid_identificador_socio: expected 1 (PJ), 2 (PF) or 3 (foreigner), found \""
                    + r.field(i(IDENTIFICADOR_SOCIO)) + "\"";
        }
        issues.clear();
        out.mark();
        out.startRow(COLUMNS.size());
        out.text(root);
        out.int2(kind);
        Columns.text(r, i(NOME_SOCIO), out);
        Columns.text(r, i(CNPJ_CPF_SOCIO), out);
        Columns.smallCode(r, i(QUALIFICACAO_SOCIO), "qualificacao_socio", issues, out);
        Columns.date(r, i(DATA_ENTRADA_SOCIEDADE), "data_entrada_sociedade", issues, out);
        Columns.smallCode(r, i(PAIS), "pais", issues, out);
        Columns.text(r, i(REPRESENTANTE_LEGAL), out);
        Columns.text(r, i(NOME_REPRESENTANTE), out);
        Columns.smallCode(r, i(QUALIFICACAO_REPRESENTANTE), "qualificacao_representante", issues, out);
        Columns.smallCode(r, i(FAIXA_ETARIA), "faixa_etaria", issues, out);
        issues.writeTo(out);
        out.int2(fileIndex);
        out.int4((int) r.lineNumber());
        return null;
    }

    private static int i(SocioColumn column) {
        return column.ordinal();
    }
}
