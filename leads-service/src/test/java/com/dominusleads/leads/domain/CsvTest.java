package com.dominusleads.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsWhatSpreadsheetsWrite() {
        String text = "\"Nome\";Obs\r\n\"Padaria \"\"Sol\"\"\";\"linha 1\nlinha 2\"\r\n\r\nOficina;\n";

        assertThat(Csv.delimiterOf(text)).isEqualTo(';');
        assertThat(Csv.parse(text, ';')).containsExactly(List.of("Nome", "Obs"),
                List.of("Padaria \"Sol\"", "linha 1\nlinha 2"), List.of("Oficina", ""));
    }

    @Test
    void writesWhatItReadsBack() {
        List<String> fields = List.of("a,b", "aspas \"x\"", "", "simples");
        String line = Csv.line(fields);

        assertThat(line).isEqualTo("\"a,b\",\"aspas \"\"x\"\"\",,simples\r\n");
        assertThat(Csv.parse(line, ',')).containsExactly(fields);
    }
}
