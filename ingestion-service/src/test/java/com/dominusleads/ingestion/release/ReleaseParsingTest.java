package com.dominusleads.ingestion.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text formats read from servers: listings and checksum files. */
class ReleaseParsingTest {

    private static final String A = "a".repeat(64);
    private static final String B = "B".repeat(64);

    @Test
    void listingLinksCountOnlyForFilesOfTheSameDirectory() {
        URI dir = URI.create("https://arquivos.receitafederal.gov.br/dados/cnpj/dados_abertos_cnpj/2025-11/");
        String html = """
                <a href="?C=N;O=D">Name</a> <a href="/dados/cnpj/dados_abertos_cnpj/">Parent Directory</a>
                <a href="Cnaes.zip">Cnaes.zip</a> <A HREF = 'Empresas0.zip'>x</A> <a href=Socios1.zip>y</a>
                <a href="https://arquivos.receitafederal.gov.br/dados/cnpj/dados_abertos_cnpj/2025-11/Simples.zip">abs</a>
                <a href="../2025-10/Empresas1.zip">old</a> <a href="sub/">sub</a> <a href="Cnaes.zip">again</a>
                <a href="Estabelecimentos%30.zip">escaped</a> <a href="#top">top</a>
                """;

        assertThat(DirectoryListing.linkedNames(html, dir)).containsExactly(
                "Cnaes.zip", "Empresas0.zip", "Socios1.zip", "Simples.zip", "Estabelecimentos0.zip");
    }

    @Test
    void sha256SumsLinesInTextAndBinaryMode() {
        String sums = A + "  Cnaes.zip\n" + B + " *2025-11/Empresas0.zip\r\n# comment\n\nnot-a-digest  Socios0.zip\n";

        assertThat(ReleaseChecksums.parseSums(sums)).isEqualTo(Map.of("cnaes.zip", A, "empresas0.zip", B.toLowerCase()));
    }
}
