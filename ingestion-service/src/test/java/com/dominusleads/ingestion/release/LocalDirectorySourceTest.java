package com.dominusleads.ingestion.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.directory.RfFileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectorySourceTest {

    @TempDir
    Path dir;

    private Path put(String name) throws IOException {
        return Files.write(dir.resolve(name), TestZips.release("DATA.CSV", 2_000, name.hashCode()));
    }

    @Test
    void listsTheReleaseZipsInLoadOrderAndIgnoresEverythingElse() throws IOException {
        for (String name : List.of("Socios0.zip", "Empresas1.zip", "Simples.zip", "Cnaes.zip", "Estabelecimentos9.zip", "Qualificacoes.zip")) {
            put(name);
        }
        Files.writeString(dir.resolve("LEIAME.txt"), "not a zip");
        Files.writeString(dir.resolve("Empresas.zip"), "numbered kinds need their number");
        Files.writeString(dir.resolve("Empresas10.zip"), "only 0-9");
        Files.writeString(dir.resolve("Empresas1.zip.part"), "an unfinished download");
        Files.createDirectory(dir.resolve("Socios1.zip"));

        List<ReleaseFile> files = new LocalDirectorySource(dir).files();

        assertThat(files).extracting(ReleaseFile::name).containsExactly(
                "Cnaes.zip", "Qualificacoes.zip", "Estabelecimentos9.zip", "Empresas1.zip", "Socios0.zip", "Simples.zip");
        assertThat(files.get(3)).isEqualTo(
                new ReleaseFile("Empresas1.zip", RfFileKind.EMPRESAS, Files.size(dir.resolve("Empresas1.zip"))));
    }

    @Test
    void missingNamesTheAbsentFilesOfTheThirtySeven() throws IOException {
        put("Cnaes.zip");
        put("socios5.ZIP"); // names are matched regardless of case
        List<ReleaseFile> files = new LocalDirectorySource(dir).files();

        List<String> expected = new ArrayList<>(RfFileKind.allZipNames());
        expected.removeAll(List.of("Cnaes.zip", "Socios5.zip"));
        assertThat(LocalDirectorySource.missing(files)).hasSize(35).containsExactlyElementsOf(expected);
        assertThat(LocalDirectorySource.missing(List.of())).hasSize(37);
    }

    @Test
    void anEmptyDirectoryIsAnEmptyRelease() throws IOException {
        assertThat(new LocalDirectorySource(dir).files()).isEmpty();
    }

    @Test
    void aMissingDirectoryFailsClearly() {
        LocalDirectorySource source = new LocalDirectorySource(dir.resolve("2025-11"));

        assertThatThrownBy(source::files)
                .isInstanceOf(ReleaseFileException.class)
                .hasMessage(dir.resolve("2025-11") + ": is not a directory; point the release source at the directory"
                        + " holding the RF zips (Cnaes.zip, Empresas0.zip, …)");
    }

    @Test
    void fetchReturnsTheFileItselfAndReportsItDone() throws IOException {
        Path cnaes = put("Cnaes.zip");
        LocalDirectorySource source = new LocalDirectorySource(dir);
        List<String> reports = new ArrayList<>();

        Path fetched = source.fetch(source.files().getFirst(), (name, done, total) -> reports.add(name + " " + done + "/" + total));

        assertThat(fetched).isEqualTo(cnaes);
        assertThat(reports).containsExactly("Cnaes.zip " + Files.size(cnaes) + "/" + Files.size(cnaes));
    }

    @Test
    void fetchRefusesAFileThatIsNotAZip() throws IOException {
        Files.writeString(dir.resolve("Motivos.zip"), "<html>Service Unavailable</html>");
        LocalDirectorySource source = new LocalDirectorySource(dir);

        assertThatThrownBy(() -> source.fetch(source.files().getFirst(), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageStartingWith("Motivos.zip: " + dir.resolve("Motivos.zip") + " is not a usable release zip (")
                .hasMessageEndingWith("); replace it with a fresh copy of the RF's file");
    }

    @Test
    void fetchRefusesATruncatedZip() throws IOException {
        byte[] zip = TestZips.release("DATA.CSV", 50_000, 1);
        Files.write(dir.resolve("Paises.zip"), java.util.Arrays.copyOf(zip, zip.length - 30));
        LocalDirectorySource source = new LocalDirectorySource(dir);

        assertThatThrownBy(() -> source.fetch(source.files().getFirst(), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageContaining("is not a usable release zip");
    }

    @Test
    void fetchRefusesAZipOfSeveralEntries() throws IOException {
        Files.write(dir.resolve("Naturezas.zip"), TestZips.zip(new String[] {"a.csv", "b.csv"}, new byte[10]));
        LocalDirectorySource source = new LocalDirectorySource(dir);

        assertThatThrownBy(() -> source.fetch(source.files().getFirst(), DownloadProgress.NONE))
                .hasMessageContaining("(it holds 2 entries where a release zip holds exactly one CSV)");
    }

    @Test
    void fetchNoticesAFileThatChangedSinceItWasListed() throws IOException {
        put("Empresas3.zip");
        LocalDirectorySource source = new LocalDirectorySource(dir);
        ReleaseFile listed = source.files().getFirst();
        Files.write(dir.resolve("Empresas3.zip"), TestZips.release("DATA.CSV", 9_000, 2));

        assertThatThrownBy(() -> source.fetch(listed, DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageContaining("changed since it was listed: " + listed.size() + " bytes then");
    }

    @Test
    void fetchRefusesNamesThatAreNotReleaseZips() {
        LocalDirectorySource source = new LocalDirectorySource(dir);

        assertThatThrownBy(() -> source.fetch(new ReleaseFile("../Cnaes.zip", RfFileKind.CNAES, -1), DownloadProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
