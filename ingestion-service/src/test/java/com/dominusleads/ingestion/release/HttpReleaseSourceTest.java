package com.dominusleads.ingestion.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.directory.RfFileKind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpReleaseSourceTest {

    private static final String EMPRESAS = "Empresas0.zip";
    private static final HttpReleaseSource.Tuning FAST =
            new HttpReleaseSource.Tuning(3, Duration.ofMillis(10), Duration.ofSeconds(10));

    @TempDir
    Path cache;

    private ReleaseServer server;
    private HttpClient client;
    private byte[] empresas;

    @BeforeEach
    void start() throws IOException {
        server = new ReleaseServer();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        empresas = TestZips.release("K3241.K03200Y0.D51108.EMPRECSV", 500_000, 1);
        assertThat(empresas.length).as("big enough for several progress steps and a cut").isGreaterThan(200_000);
        server.files.put(EMPRESAS, empresas);
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private HttpReleaseSource source() {
        return source(FAST);
    }

    private HttpReleaseSource source(HttpReleaseSource.Tuning tuning) {
        return new HttpReleaseSource(server.base(), cache, client, tuning);
    }

    private static ReleaseFile file(String name) {
        return new ReleaseFile(name, RfFileKind.ofFileName(name).orElseThrow(), -1);
    }

    private void assertNothingLeft(String name) {
        assertThat(cache.resolve(name)).doesNotExist();
        assertThat(cache.resolve(name + ".part")).doesNotExist();
    }

    // --- listing ---

    @Test
    void listsTheReleaseZipsOfTheDirectoryListingInLoadOrder() throws IOException {
        server.files.put("Socios3.zip", TestZips.release("S", 10, 2));
        server.files.put("Cnaes.zip", TestZips.release("C", 10, 3));
        server.files.put("Estabelecimentos0.zip", TestZips.release("E", 10, 4));
        server.files.put("LEIAME.pdf", new byte[10]);
        server.files.put("SHA256SUMS", new byte[0]);
        server.extraListingLines.add("<a href=\"../2025-10/Empresas1.zip\">last month</a>");
        server.extraListingLines.add("<a href='http://elsewhere.example/dados/2025-11/Empresas2.zip'>mirror</a>");
        server.extraListingLines.add("<a href=Simples.zip>unquoted</a> <a href=\"" + ReleaseServer.DIR + "Paises.zip\">absolute</a>");

        List<ReleaseFile> files = source().files();

        assertThat(files).extracting(ReleaseFile::name)
                .containsExactly("Cnaes.zip", "Paises.zip", "Estabelecimentos0.zip", EMPRESAS, "Socios3.zip", "Simples.zip");
        assertThat(files.get(0)).isEqualTo(new ReleaseFile("Cnaes.zip", RfFileKind.CNAES, server.files.get("Cnaes.zip").length));
        assertThat(files.get(3).size()).isEqualTo(empresas.length);
        assertThat(files.get(1).size()).as("linked, but HEAD answers 404").isEqualTo(-1);
        assertThat(server.requests).hasSize(1 + 6).first().isEqualTo("GET /");
    }

    @Test
    void asksForEachStandardNameWithHeadWhenThereIsNoListing() throws IOException {
        server.listing = false;
        server.files.put("Cnaes.zip", TestZips.release("C", 1000, 3));

        List<ReleaseFile> files = source().files();

        assertThat(files).containsExactly(
                new ReleaseFile("Cnaes.zip", RfFileKind.CNAES, server.files.get("Cnaes.zip").length),
                new ReleaseFile(EMPRESAS, RfFileKind.EMPRESAS, empresas.length));
        assertThat(server.requests).hasSize(1 + 37).filteredOn(r -> r.startsWith("HEAD ")).hasSize(37);
    }

    @Test
    void aListingWithoutReleaseZipsAlsoFallsBackToHead() throws IOException {
        server.files.clear();
        server.files.put("LEIAME.pdf", new byte[10]);

        assertThatThrownBy(() -> source().files())
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageContaining(server.base().toString())
                .hasMessageContaining("with no release zips in it")
                .hasMessageContaining("{404=37}")
                .hasMessageContaining("Check that the URL names an existing release directory");
    }

    // --- download ---

    @Test
    void downloadsVerifiesAndReportsProgressInSteps() throws IOException {
        List<long[]> reports = new CopyOnWriteArrayList<>();

        Path fetched = source().fetch(file(EMPRESAS), (name, done, total) -> reports.add(new long[] {done, total}));

        assertThat(fetched).isEqualTo(cache.resolve(EMPRESAS));
        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(cache.resolve(EMPRESAS + ".part")).doesNotExist();
        assertThat(reports).isNotEmpty().allSatisfy(report -> assertThat(report[1]).isEqualTo(empresas.length));
        assertThat(reports.getLast()[0]).isEqualTo(empresas.length);
        assertThat(reports.size()).isLessThanOrEqualTo(empresas.length / HttpReleaseSource.PROGRESS_STEP + 1);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i)[0] - reports.get(i - 1)[0]).isGreaterThanOrEqualTo(
                    i == reports.size() - 1 ? 1 : HttpReleaseSource.PROGRESS_STEP);
        }
        assertThat(server.requestsFor(EMPRESAS)).containsExactly("HEAD " + EMPRESAS, "GET " + EMPRESAS);
    }

    @Test
    void resumesWhereTheServerCutTheConnection() throws IOException {
        server.cutAfter.put(EMPRESAS, 100_000);

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly(
                "HEAD " + EMPRESAS, "GET " + EMPRESAS, "GET " + EMPRESAS + " bytes=100000-");
    }

    @Test
    void resumesAPartialFileLeftByAnEarlierRun() throws IOException {
        Files.write(cache.resolve(EMPRESAS + ".part"), Arrays.copyOf(empresas, 150_000));

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly("HEAD " + EMPRESAS, "GET " + EMPRESAS + " bytes=150000-");
    }

    @Test
    void startsOverWhenTheServerIgnoresTheRange() throws IOException {
        server.honourRange = false;
        server.cutAfter.put(EMPRESAS, 100_000);

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly(
                "HEAD " + EMPRESAS, "GET " + EMPRESAS, "GET " + EMPRESAS + " bytes=100000-");
    }

    @Test
    void aCompletePartFileIsVerifiedWithoutDownloadingAgain_416() throws IOException {
        server.headAllowed = false; // so the size is unknown and the Range request finds out
        Files.write(cache.resolve(EMPRESAS + ".part"), empresas);

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly(
                "HEAD " + EMPRESAS, "GET " + EMPRESAS + " bytes=" + empresas.length + "-");
    }

    @Test
    void aStaleOrForeignPartFileIsReplacedByOneCleanDownload() throws IOException {
        byte[] other = TestZips.release("OLD", 300_000, 99);
        Files.write(cache.resolve(EMPRESAS + ".part"), Arrays.copyOf(other, 120_000));

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly(
                "HEAD " + EMPRESAS, "GET " + EMPRESAS + " bytes=120000-", "GET " + EMPRESAS);
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws IOException {
        server.unavailable.put(EMPRESAS, 2);

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).hasSize(1 + 3);
    }

    @Test
    void givesUpAfterRepeatedFailuresKeepingThePartialDownload() throws IOException {
        Files.write(cache.resolve(EMPRESAS + ".part"), Arrays.copyOf(empresas, 100_000));
        server.unavailable.put(EMPRESAS, 3);
        HttpReleaseSource source = source();
        ReleaseFile file = file(EMPRESAS);

        assertThatThrownBy(() -> source.fetch(file, DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageStartingWith(EMPRESAS + ": GET " + server.base() + EMPRESAS + " failed 3 times in a row (last: HTTP 503)")
                .hasMessageContaining("100000 of " + empresas.length + " bytes are kept in " + cache.resolve(EMPRESAS + ".part"))
                .hasMessageContaining("the next fetch resumes from there");
        assertThat(cache.resolve(EMPRESAS)).doesNotExist();
        assertThat(cache.resolve(EMPRESAS + ".part")).hasSize(100_000);

        Path fetched = source.fetch(file, DownloadProgress.NONE);
        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS).getLast()).isEqualTo("GET " + EMPRESAS + " bytes=100000-");
    }

    @Test
    void aStalledConnectionIsAbandonedAndResumed() throws IOException {
        server.stallAfter.put(EMPRESAS, 70_000);
        server.stallMillis = 5_000;

        Path fetched = source(new HttpReleaseSource.Tuning(3, Duration.ofMillis(10), Duration.ofMillis(300)))
                .fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly(
                "HEAD " + EMPRESAS, "GET " + EMPRESAS, "GET " + EMPRESAS + " bytes=70000-");
    }

    @Test
    void aServerThatDoesNotAnswerIsAbandonedAndAskedAgain() throws IOException {
        server.silent.put(EMPRESAS, 1);
        server.stallMillis = 5_000;

        Path fetched = source(new HttpReleaseSource.Tuning(3, Duration.ofMillis(10), Duration.ofMillis(300)))
                .fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly("HEAD " + EMPRESAS, "GET " + EMPRESAS, "GET " + EMPRESAS);
    }

    // --- verification failures ---

    @Test
    void aSizeDifferentFromTheAnnouncedOneFailsClearly() {
        server.headLies.put(EMPRESAS, empresas.length + 1000L);

        assertThatThrownBy(() -> source().fetch(file(EMPRESAS), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageStartingWith(EMPRESAS + ": ")
                .hasMessageContaining("announced " + (empresas.length + 1000) + " bytes for " + server.base() + EMPRESAS)
                .hasMessageContaining("now sends a file of " + empresas.length)
                .hasMessageContaining("Fetch again later");
        assertNothingLeft(EMPRESAS);
    }

    @Test
    void aCorruptZipFailsClearlyAndLeavesNoFile() {
        server.files.put(EMPRESAS, TestZips.flipped(empresas));

        assertThatThrownBy(() -> source().fetch(file(EMPRESAS), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageStartingWith(EMPRESAS + ": ")
                .hasMessageContaining("downloaded from " + server.base() + EMPRESAS + " is not a whole release zip")
                .hasMessageContaining("it was discarded");
        assertNothingLeft(EMPRESAS);
    }

    @Test
    void aZipWithMoreThanOneEntryIsRefused() {
        server.files.put(EMPRESAS, TestZips.zip(new String[] {"a.csv", "b.csv"}, TestZips.text(1000, 5)));

        assertThatThrownBy(() -> source().fetch(file(EMPRESAS), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageContaining("it holds 2 entries where a release zip holds exactly one CSV");
        assertNothingLeft(EMPRESAS);
    }

    @Test
    void aFileMissingOnTheServerFailsClearly() {
        assertThatThrownBy(() -> source().fetch(file("Socios9.zip"), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessage("Socios9.zip: HEAD " + server.base() + "Socios9.zip answered HTTP 404; the file is not"
                        + " (or no longer) on the server. List the release again, or check its month");
    }

    // --- checksums ---

    @Test
    void checksumsFromSha256SumsAreVerified() throws IOException {
        server.files.put("SHA256SUMS", (TestZips.sha256(new byte[] {1}) + "  Cnaes.zip\n"
                + TestZips.sha256(empresas) + " *" + EMPRESAS + "\n").getBytes(StandardCharsets.UTF_8));
        HttpReleaseSource source = source();
        source.files();

        assertThat(source.fetch(file(EMPRESAS), DownloadProgress.NONE)).exists();
        // the listing showed SHA256SUMS but no Empresas0.zip.sha256, so only the former was asked for
        assertThat(server.requests).contains("GET SHA256SUMS").doesNotContain("GET " + EMPRESAS + ".sha256");
    }

    @Test
    void aSha256SumsMismatchFailsAndLeavesNoFile() {
        String wrong = TestZips.sha256(new byte[] {1});
        server.files.put("SHA256SUMS", (wrong + "  " + EMPRESAS + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> source().fetch(file(EMPRESAS), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageContaining("SHA-256 of the copy downloaded from " + server.base() + EMPRESAS
                        + " is " + TestZips.sha256(empresas))
                .hasMessageContaining("says " + wrong)
                .hasMessageContaining("the download was discarded");
        assertNothingLeft(EMPRESAS);
    }

    @Test
    void aSidecarSha256WinsOverSha256Sums() {
        String wrong = TestZips.sha256(new byte[] {2});
        server.files.put("SHA256SUMS", (TestZips.sha256(empresas) + "  " + EMPRESAS + "\n").getBytes(StandardCharsets.UTF_8));
        server.files.put(EMPRESAS + ".sha256", (wrong.toUpperCase() + "  " + EMPRESAS + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> source().fetch(file(EMPRESAS), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageContaining("says " + wrong);
        assertNothingLeft(EMPRESAS);
    }

    @Test
    void anUnreadableChecksumKeepsTheDownloadForTheNextFetch() throws IOException {
        server.files.put(EMPRESAS + ".sha256", "not a digest".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> source().fetch(file(EMPRESAS), DownloadProgress.NONE))
                .isInstanceOf(ReleaseFileException.class)
                .hasMessageStartingWith(EMPRESAS + ".sha256: does not start with a SHA-256 hex digest");
        assertThat(cache.resolve(EMPRESAS + ".part")).hasSize(empresas.length);

        server.files.put(EMPRESAS + ".sha256", TestZips.sha256(empresas).getBytes(StandardCharsets.UTF_8));
        server.requests.clear();
        assertThat(source().fetch(file(EMPRESAS), DownloadProgress.NONE)).hasSize(empresas.length);
        assertThat(server.requestsFor(EMPRESAS)).containsExactly("HEAD " + EMPRESAS);
    }

    // --- cache ---

    @Test
    void aFinishedFileOfTheServersSizeIsReusedWithoutAGet() throws IOException {
        source().fetch(file(EMPRESAS), DownloadProgress.NONE);
        server.requests.clear();
        List<long[]> reports = new CopyOnWriteArrayList<>();

        Path again = source().fetch(file(EMPRESAS), (name, done, total) -> reports.add(new long[] {done, total}));

        assertThat(TestZips.sha256(Files.readAllBytes(again))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requests).containsExactly("HEAD " + EMPRESAS);
        assertThat(reports).singleElement().satisfies(r -> assertThat(r).containsExactly(empresas.length, empresas.length));
    }

    @Test
    void aFinishedFileOfAnotherSizeIsDownloadedAgain() throws IOException {
        Files.write(cache.resolve(EMPRESAS), TestZips.release("OLD", 1000, 7));

        Path fetched = source().fetch(file(EMPRESAS), DownloadProgress.NONE);

        assertThat(TestZips.sha256(Files.readAllBytes(fetched))).isEqualTo(TestZips.sha256(empresas));
        assertThat(server.requestsFor(EMPRESAS)).containsExactly("HEAD " + EMPRESAS, "GET " + EMPRESAS);
    }
}
