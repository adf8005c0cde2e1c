package com.dominusleads.ingestion.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class RfRecordReaderTest {

    private static final String SERPRO = "\"33683111\";\"0002\";\"80\";\"2\";\"REGIONAL BRASILIA-DF\";\"02\";\"20040522\";"
            + "\"00\";\"\";\"\";\"19670630\";\"6204000\";\"6201501,6202300,6203100,6209100,6311900\";\"AVENIDA\";"
            + "\"L2 SGAN\";\"601\";\"MODULO G\";\"ASA NORTE\";\"70836900\";\"DF\";\"9701\";\"\";\"\";\"\";\"\";\"\";"
            + "\"\";\"\";\"\";\"\"";

    @Test
    void readsTheRealEstabelecimentosSampleFieldByField() throws IOException {
        RfRecordReader reader = new RfRecordReader(sample("Estabelecimentos0.zip"), 30);

        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).isNull();
        assertThat(fields(reader)).containsExactly("33683111", "0002", "80", "2", "REGIONAL BRASILIA-DF", "02",
                "20040522", "00", "", "", "19670630", "6204000", "6201501,6202300,6203100,6209100,6311900", "AVENIDA",
                "L2 SGAN", "601", "MODULO G", "ASA NORTE", "70836900", "DF", "9701", "", "", "", "", "", "", "", "", "");
        assertThat(reader.lineNumber()).isEqualTo(1);
        assertThat(reader.rawLine()).isEqualTo(SERPRO);
        assertThat(reader.next()).as("the file's final blank line is no record").isFalse();
        assertThat(reader.linesRead()).isEqualTo(2);
    }

    @Test
    void readsIso88591TextOfTheRealLookupFiles() throws IOException {
        RfRecordReader reader = new RfRecordReader(sample("Qualificacoes.zip"), 2);
        List<String> labels = new ArrayList<>();
        while (reader.next()) {
            assertThat(reader.problem()).isNull();
            labels.add(reader.field(0) + "=" + reader.field(1));
        }
        assertThat(labels).contains("00=Não informada", "05=Administrador", "10=Diretor");
    }

    @Test
    void realCompanyCapitalKeepsItsDecimalComma() throws IOException {
        RfRecordReader reader = new RfRecordReader(sample("Empresas1.zip"), 7);
        assertThat(reader.next()).isTrue();
        assertThat(fields(reader)).containsExactly("33683111", "SERVICO FEDERAL DE PROCESSAMENTO DE DADOS (SERPRO)",
                "2011", "16", "1061004829,23", "05", "");
    }

    @Test
    void unescapedQuotesInsideAFieldStayInTheField() throws IOException {
        RfRecordReader reader = reader("\"1\";\"BAR \"DO ZE\"\";\"x\"\n", 3);
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).isNull();
        assertThat(fields(reader)).containsExactly("1", "BAR \"DO ZE\"", "x");
    }

    @Test
    void doubledQuotesAreOneQuoteButTheRawLineIsUntouched() throws IOException {
        RfRecordReader reader = reader("\"1\";\"A \"\"B\"\" C\";\"x\"\n", 3);
        assertThat(reader.next()).isTrue();
        assertThat(fields(reader)).containsExactly("1", "A \"B\" C", "x");
        assertThat(reader.rawLine()).isEqualTo("\"1\";\"A \"\"B\"\" C\";\"x\"");
    }

    @Test
    void aLineBreakInsideAFieldJoinsTheLinesIntoOneRecord() throws IOException {
        RfRecordReader reader = reader("\"1\";\"RUA\r\nDAS FLORES\";\"x\"\n\"2\";\"b\";\"c\"\n", 3);
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).isNull();
        assertThat(reader.field(1)).isEqualTo("RUA\r\nDAS FLORES");
        assertThat(reader.lineNumber()).isEqualTo(1);
        assertThat(reader.lines()).isEqualTo(2);
        assertThat(reader.next()).isTrue();
        assertThat(reader.lineNumber()).isEqualTo(3);
        assertThat(fields(reader)).containsExactly("2", "b", "c");
        assertThat(reader.next()).isFalse();
    }

    @Test
    void aShortLineThatNoJoinCompletesIsReportedAloneAndReadingGoesOn() throws IOException {
        RfRecordReader reader = reader("\"1\";\"a\"\n\"2\";\"b\";\"c\"\n\"3\";\"c\";\"d\"\n", 3);
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).isEqualTo("field_count: expected 3 fields, found 2");
        assertThat(reader.rawLine()).isEqualTo("\"1\";\"a\"");
        assertThat(reader.next()).isTrue();
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(fields(reader)).containsExactly("2", "b", "c");
        assertThat(reader.next()).isTrue();
        assertThat(reader.lineNumber()).isEqualTo(3);
        assertThat(reader.next()).isFalse();
    }

    @Test
    void aTruncatedLineIsNeverJoinedWithAWholeRecordAfterIt() throws IOException {
        RfRecordReader reader = reader("\"1\n\"2\";\"b\";\"c\"\n", 3);
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).startsWith("not_quoted");
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).isNull();
        assertThat(fields(reader)).containsExactly("2", "b", "c");
    }

    @Test
    void malformedLinesSayWhy() throws IOException {
        RfRecordReader reader = reader("1;2;3\n\"1\";\"2\";\"3\";\"4\"\n\"1\";\"a\0b\";\"3\"\n", 3);
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).startsWith("not_quoted");
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).isEqualTo("field_count: expected 3 fields, found more");
        assertThat(reader.next()).isTrue();
        assertThat(reader.problem()).startsWith("nul_byte: field 2");
        assertThat(reader.linesRead()).isEqualTo(3);
    }

    @Test
    void recordsSplitAcrossReadsAndLongerThanTheBufferAreReadWhole() throws IOException {
        String longField = "X".repeat(3 << 20); // longer than the 1 MB buffer
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("\"").append(i).append("\";\"").append(i % 7 == 0 ? "line\nbreak" : "v" + i).append("\"\n");
        }
        text.append("\"big\";\"").append(longField).append("\"\n\"last\";\"z\"");
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.ISO_8859_1))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 777)); // reads end in the middle of records
            }
        };
        RfRecordReader reader = new RfRecordReader(trickle, 2);
        for (int i = 0; i < 2000; i++) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.problem()).isNull();
            assertThat(reader.field(0)).isEqualTo(String.valueOf(i));
            assertThat(reader.field(1)).isEqualTo(i % 7 == 0 ? "line\nbreak" : "v" + i);
        }
        assertThat(reader.next()).isTrue();
        assertThat(reader.field(1)).hasSize(longField.length());
        assertThat(reader.next()).isTrue();
        assertThat(fields(reader)).containsExactly("last", "z");
        assertThat(reader.next()).isFalse();
        assertThat(reader.bytesRead()).isEqualTo(text.length());
    }

    private static RfRecordReader reader(String text, int fields) {
        return new RfRecordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), fields);
    }

    static InputStream sample(String zip) throws IOException {
        ZipInputStream in = new ZipInputStream(RfRecordReaderTest.class.getResourceAsStream("/cnpj-samples/" + zip));
        in.getNextEntry();
        return in;
    }

    private static List<String> fields(RfRecordReader reader) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < reader.fieldCount(); i++) {
            fields.add(reader.field(i));
        }
        return fields;
    }
}
