package com.dominusleads.ingestion.load;

import static com.dominusleads.directory.EstabelecimentoColumn.*;

import com.dominusleads.directory.EstabelecimentoColumn;
import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import com.dominusleads.directory.RfFileKind;
import com.dominusleads.directory.Ufs;
import com.dominusleads.events.Cnpj;
import com.dominusleads.ingestion.normalisation.EmailAddresses;
import com.dominusleads.ingestion.normalisation.InvalidEmailException;
import com.dominusleads.ingestion.normalisation.InvalidPhoneException;
import com.dominusleads.ingestion.normalisation.Phone;
import com.dominusleads.ingestion.normalisation.PhoneNumbers;
import com.dominusleads.ingestion.normalisation.PhoneType;
import com.dominusleads.ingestion.parsing.Fields;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.BinaryCopyBuffer;
import java.util.List;


/**
 * An {@code Estabelecimentos} record → a row of {@code establishment}: the 14-character CNPJ (numeric or alphanumeric,
 * check digits verified), dates, TOM municipality code → IBGE code, secondary CNAEs as a de-duplicated int array
 * without the principal, phones in E.164 (mobiles given the ninth digit), e-mail lower-cased and checked, and the
 * search flags (has phone, has mobile, has e-mail).
 */
public final class EstablishmentMapper implements RowMapper {

    public static final int HAS_PHONE = 1;
    public static final int HAS_MOBILE = 2;
    public static final int HAS_EMAIL = 4;

    private static final List<String> COLUMNS = List.of("cnpj", "cnpj_basico", "matriz", "nome_fantasia", "situacao",
            "data_situacao", "motivo", "cidade_exterior", "pais", "data_inicio_atividade", "cnae_principal",
            "cnaes_secundarios", "tipo_logradouro", "logradouro", "numero", "complemento", "bairro", "cep", "uf",
            "municipio_tom", "municipio_ibge", "telefones", "fax", "email", "situacao_especial",
            "data_situacao_especial", "flags", "data_issues", "src_file", "src_line");

    private static final EstabelecimentoColumn[][] PHONE_FIELDS = {{DDD_1, TELEFONE_1}, {DDD_2, TELEFONE_2}};

    private final PhoneNumbers phones;
    private final Municipalities municipalities = Municipalities.instance();
    private final DataIssues issues = new DataIssues();
    private final int[] secondaries = new int[64];
    private final String[] phoneScratch = new String[2];

    public EstablishmentMapper(PhoneNumbers phones) {
        this.phones = phones;
    }

    @Override
    public String table() {
        return "establishment";
    }

    @Override
    public int fields() {
        return RfFileKind.ESTABELECIMENTOS.columns();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public String map(RfRecordReader r, int fileIndex, BinaryCopyBuffer out) {
        String cnpj = cnpjOf(r);
        if (cnpj == null) {
            return "invalid_cnpj: " + Cnpj.problemWith(Fields.string(r, i(CNPJ_BASICO)) + Fields.string(r, i(CNPJ_ORDEM))
                    + Fields.string(r, i(CNPJ_DV)));
        }
        boolean matriz;
        if (Fields.is(r, i(MATRIZ_FILIAL), "1")) {
            matriz = true;
        } else if (Fields.is(r, i(MATRIZ_FILIAL), "2")) {
            matriz = false;
        } else {
            return "invalid_matriz_filial: expected 1 (matriz) or 2 (filial), found \"" + r.field(i(MATRIZ_FILIAL)) + "\"";
        }
        int situacao = Fields.digits(r, i(SITUACAO_CADASTRAL));
        if (situacao != 1 && situacao != 2 && situacao != 3 && situacao != 4 && situacao != 8) {
            return "invalid_situacao_cadastral: expected 01, 02, 03, 04 or 08, found \"" + r.field(i(SITUACAO_CADASTRAL)) + "\"";
        }
        String uf = Fields.trimmedLength(r, i(UF)) == 2
                ? Ufs.of(r.source(i(UF))[Fields.trimmedStart(r, i(UF))], r.source(i(UF))[Fields.trimmedStart(r, i(UF)) + 1])
                : null;
        if (uf == null) {
            return "invalid_uf: \"" + r.field(i(UF)) + "\" is not a federative unit (or EX, abroad)";
        }
        int cnaePrincipal = Fields.digits(r, i(CNAE_FISCAL_PRINCIPAL));
        if (cnaePrincipal == Fields.INVALID || cnaePrincipal == Fields.EMPTY || Fields.trimmedLength(r, i(CNAE_FISCAL_PRINCIPAL)) != 7) {
            return "invalid_cnae_principal: expected 7 digits, found \"" + r.field(i(CNAE_FISCAL_PRINCIPAL)) + "\"";
        }

        issues.clear();
        out.mark();
        out.startRow(COLUMNS.size());
        out.text(cnpj);
        out.text(cnpj.substring(0, 8));
        out.bool(matriz);
        text(r, NOME_FANTASIA, out);
        out.int2(situacao);
        date(r, DATA_SITUACAO_CADASTRAL, out);
        smallCode(r, MOTIVO_SITUACAO_CADASTRAL, out);
        text(r, NOME_CIDADE_EXTERIOR, out);
        smallCode(r, PAIS, out);
        date(r, DATA_INICIO_ATIVIDADE, out);
        out.int4(cnaePrincipal);
        out.int4Array(secondaries, secondaryCnaes(r, cnaePrincipal));
        text(r, TIPO_LOGRADOURO, out);
        text(r, LOGRADOURO, out);
        text(r, NUMERO, out);
        text(r, COMPLEMENTO, out);
        text(r, BAIRRO, out);
        text(r, CEP, out);
        out.text(uf);
        municipality(r, uf, out);
        int flags = phones(r, out);
        Phone fax = phone(r, DDD_FAX, FAX);
        out.textOrNull(fax == null ? null : fax.e164());
        String email = email(r);
        out.textOrNull(email);
        text(r, SITUACAO_ESPECIAL, out);
        date(r, DATA_SITUACAO_ESPECIAL, out);
        out.int2(flags | (email != null ? HAS_EMAIL : 0));
        issues.writeTo(out);
        out.int2(fileIndex);
        out.int4((int) r.lineNumber());
        return null;
    }

    /** The CNPJ from its three fields, or null when malformed or when the check digits do not match. */
    private static String cnpjOf(RfRecordReader r) {
        if (Fields.trimmedLength(r, i(CNPJ_BASICO)) != 8 || Fields.trimmedLength(r, i(CNPJ_ORDEM)) != 4
                || Fields.trimmedLength(r, i(CNPJ_DV)) != 2) {
            return null;
        }
        String cnpj = Fields.string(r, i(CNPJ_BASICO)) + Fields.string(r, i(CNPJ_ORDEM)) + Fields.string(r, i(CNPJ_DV));
        return Cnpj.isValid(cnpj) ? cnpj : null;
    }

    private int secondaryCnaes(RfRecordReader r, int principal) {
        byte[] b = r.source(i(CNAE_FISCAL_SECUNDARIA));
        int start = Fields.trimmedStart(r, i(CNAE_FISCAL_SECUNDARIA));
        int end = start + Fields.trimmedLength(r, i(CNAE_FISCAL_SECUNDARIA));
        int count = 0;
        int value = 0;
        int digits = 0;
        boolean bad = false;
        for (int p = start; p <= end; p++) {
            byte c = p < end ? b[p] : (byte) ',';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == ',') {
                if (digits == 7) {
                    count = addDistinct(value, principal, count);
                } else if (digits != 0) {
                    bad = true;
                }
                value = 0;
                digits = 0;
            } else if (c != ' ') {
                bad = true;
                digits = 8; // poison the current code
            }
        }
        if (bad) {
            issues.add("cnae_fiscal_secundaria", "codes that are not 7 digits were dropped", r.field(i(CNAE_FISCAL_SECUNDARIA)));
        }
        return count;
    }

    private int addDistinct(int cnae, int principal, int count) {
        if (cnae == principal || count == secondaries.length) {
            return count;
        }
        for (int k = 0; k < count; k++) {
            if (secondaries[k] == cnae) {
                return count;
            }
        }
        secondaries[count] = cnae;
        return count + 1;
    }

    private void municipality(RfRecordReader r, String uf, BinaryCopyBuffer out) {
        int tom = Fields.digits(r, i(MUNICIPIO));
        if (tom == Fields.EMPTY || tom == Fields.INVALID) {
            if (tom == Fields.INVALID) {
                issues.add("municipio", "not a TOM code", r.field(i(MUNICIPIO)));
            }
            out.nul();
            out.nul();
            return;
        }
        out.int4(tom);
        Municipality m = municipalities.byTom(tom).orElse(null);
        if (m == null || !m.uf().equals(uf)) {
            if (!Ufs.ABROAD.equals(uf)) {
                issues.add("municipio", m == null ? "unknown TOM code" : "TOM code of another UF (" + m.uf() + ")", r.field(i(MUNICIPIO)));
            }
            out.nul();
        } else {
            out.int4(m.ibgeCode());
        }
    }

    /** telefone 1 and 2 as a text[] of E.164 numbers; returns the phone flags. */
    private int phones(RfRecordReader r, BinaryCopyBuffer out) {
        int count = 0;
        int flags = 0;
        for (EstabelecimentoColumn[] pair : PHONE_FIELDS) {
            Phone phone = phone(r, pair[0], pair[1]);
            if (phone != null && (count == 0 || !phoneScratch[0].equals(phone.e164()))) {
                phoneScratch[count++] = phone.e164();
                flags |= HAS_PHONE | (phone.type() == PhoneType.MOBILE ? HAS_MOBILE : 0);
            }
        }
        out.textArray(phoneScratch, count);
        return flags;
    }

    private Phone phone(RfRecordReader r, EstabelecimentoColumn ddd, EstabelecimentoColumn number) {
        if (Fields.isBlank(r, i(number)) && Fields.isBlank(r, i(ddd))) {
            return null;
        }
        try {
            String dddText = Fields.string(r, i(ddd));
            String numberText = Fields.string(r, i(number));
            return phones.normalise(dddText == null ? "" : dddText, numberText == null ? "" : numberText);
        } catch (InvalidPhoneException e) {
            issues.add(number.name().toLowerCase(java.util.Locale.ROOT), e.reason(), r.field(i(ddd)) + " " + r.field(i(number)));
            return null;
        }
    }

    private String email(RfRecordReader r) {
        String raw = Fields.string(r, i(CORREIO_ELETRONICO));
        if (raw == null) {
            return null;
        }
        try {
            return EmailAddresses.normalise(raw);
        } catch (InvalidEmailException e) {
            issues.add("correio_eletronico", "not an e-mail address", raw);
            return null;
        }
    }

    private void date(RfRecordReader r, EstabelecimentoColumn column, BinaryCopyBuffer out) {
        Columns.date(r, i(column), column.name().toLowerCase(java.util.Locale.ROOT), issues, out);
    }

    private void smallCode(RfRecordReader r, EstabelecimentoColumn column, BinaryCopyBuffer out) {
        Columns.smallCode(r, i(column), column.name().toLowerCase(java.util.Locale.ROOT), issues, out);
    }

    private static void text(RfRecordReader r, EstabelecimentoColumn column, BinaryCopyBuffer out) {
        Columns.text(r, i(column), out);
    }

    private static int i(EstabelecimentoColumn column) {
        return column.ordinal();
    }
}
