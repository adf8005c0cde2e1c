package com.dominusleads.releasegenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.events.Cnpj;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 20,000-establishment release read back as the ingestion would: format, validity, references and skew. */
class ReleaseGeneratorTest {

    private static final int ESTABLISHMENTS = 20_000;
    private static final Pattern QUOTED_ROW = Pattern.compile("\"[^\"]*\"(;\"[^\"]*\")*");
    private static final Pattern DATE = Pattern.compile("(19[6-9][0-9]|20[0-2][0-9])(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])");

    @TempDir
    static Path dir;

    private static GeneratedRelease release;
    private static final List<Long> progress = new ArrayList<>();
    /** Zip name → its rows split into fields (quotes removed). */
    private static final Map<String, List<String[]>> files = new LinkedHashMap<>();
    /** Zip name → its single entry's raw bytes. */
    private static final Map<String, byte[]> contents = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        release = new ReleaseGenerator(new GeneratorSpec(ESTABLISHMENTS, 42)).writeTo(dir, progress::add);
        for (String name : RfFileKind.allZipNames()) {
            byte[] bytes = singleEntry(dir.resolve(name));
            contents.put(name, bytes);
            List<String[]> rows = new ArrayList<>();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                String inner = line.substring(1, line.length() - 1);
                rows.add(inner.split("\";\"", -1));
            }
            files.put(name, rows);
        }
    }

    @Test
    void writesTheThirtySevenZipsOfARelease() throws IOException {
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(RfFileKind.allZipNames());
        }
        assertThat(release.rowsPerFile().keySet()).containsExactlyElementsOf(RfFileKind.allZipNames());
        files.forEach((name, rows) -> assertThat(release.rowsPerFile().get(name)).as(name).isEqualTo(rows.size()));
    }

    @Test
    void everyRowHasItsKindsColumnsEveryFieldQuotedLfEndingsAndNoHeader() {
        for (String name : RfFileKind.allZipNames()) {
            RfFileKind kind = RfFileKind.ofFileName(name).orElseThrow();
            byte[] bytes = contents.get(name);
            assertThat(bytes).as(name).isNotEmpty();
            assertThat(bytes[bytes.length - 1]).as(name + " ends with LF").isEqualTo((byte) '\n');
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).as(name).doesNotContain("\r");
            for (String line : text.split("\n")) {
                assertThat(QUOTED_ROW.matcher(line).matches()).as(name + ": " + line).isTrue();
            }
            for (String[] row : files.get(name)) {
                assertThat(row).as(name + ": " + String.join("|", row)).hasSize(kind.columns());
            }
        }
        // Accented labels are single ISO-8859-1 bytes, not UTF-8 pairs.
        assertThat(new String(contents.get("Qualificacoes.zip"), StandardCharsets.ISO_8859_1))
                .contains("\"00\";\"Não informada\"").contains("\"49\";\"Sócio-Administrador\"");
        assertThat(new String(contents.get("Motivos.zip"), StandardCharsets.ISO_8859_1))
                .contains("\"01\";\"EXTINCAO POR ENCERRAMENTO LIQUIDACAO VOLUNTARIA\"");
    }

    @Test
    void writesExactlyTheEstablishmentsAskedForSpreadEvenlyOverTheTenFiles() {
        assertThat(release.establishments()).isEqualTo(ESTABLISHMENTS);
        assertThat(establishments()).hasSize(ESTABLISHMENTS);
        for (String name : RfFileKind.ESTABELECIMENTOS.zipNames()) {
            assertThat(files.get(name).size()).as(name).isBetween(ESTABLISHMENTS / 10 - 100, ESTABLISHMENTS / 10 + 100);
        }
        for (String name : RfFileKind.EMPRESAS.zipNames()) {
            assertThat((double) files.get(name).size()).as(name).isCloseTo(release.companies() / 10.0, within(release.companies() * 0.01));
        }
        assertThat(progress).isSorted().last().isEqualTo((long) ESTABLISHMENTS);
    }

    @Test
    void everyEstablishmentCnpjIsValidAndUniqueAndAboutOnePercentAreAlphanumeric() {
        Set<String> cnpjs = new HashSet<>();
        int alphanumeric = 0;
        for (String[] row : establishments()) {
            String cnpj = row[0] + row[1] + row[2];
            assertThat(Cnpj.parse(cnpj)).as(cnpj).isPresent();
            assertThat(Cnpj.withCheckDigits(row[0] + row[1]).value()).isEqualTo(cnpj);
            assertThat(row[0]).matches("[0-9A-Z]{8}");
            assertThat(row[1]).matches("[0-9]{4}");
            assertThat(row[3]).isEqualTo(row[1].equals("0001") ? "1" : "2");
            assertThat(cnpjs.add(cnpj)).as("duplicate " + cnpj).isTrue();
            if (!row[0].matches("[0-9]{8}")) {
                alphanumeric++;
            }
        }
        assertThat(alphanumeric).isBetween(ESTABLISHMENTS / 200, ESTABLISHMENTS / 50);
    }

    @Test
    void everyCompanyRootIsUniqueAndEveryEstablishmentHasItsCompanyWithBranchesConsecutive() {
        Set<String> roots = new HashSet<>();
        for (String[] row : rows(RfFileKind.EMPRESAS)) {
            assertThat(roots.add(row[0])).as("duplicate root " + row[0]).isTrue();
        }
        assertThat(release.companies()).isEqualTo(roots.size());
        Set<String> seen = new HashSet<>();
        String previous = null;
        int multi = 0;
        for (String[] row : establishments()) {
            assertThat(roots.contains(row[0])).as("company of " + row[0]).isTrue();
            if (!row[0].equals(previous)) {
                assertThat(seen.add(row[0])).as("branches of " + row[0] + " are not consecutive").isTrue();
                assertThat(row[1]).isEqualTo("0001");
            } else if (row[1].equals("0002")) {
                multi++;
            }
            previous = row[0];
        }
        assertThat(seen).isEqualTo(roots);
        assertThat(multi / (double) roots.size()).isCloseTo(0.10, within(0.03));
        for (String[] row : rows(RfFileKind.SOCIOS)) {
            assertThat(roots.contains(row[0])).as("company of partner " + row[0]).isTrue();
        }
        for (String[] row : rows(RfFileKind.SIMPLES)) {
            assertThat(roots.contains(row[0])).as("company of Simples " + row[0]).isTrue();
        }
    }

    @Test
    void partnersAndSimplesHaveTheRegistersProportions() {
        assertThat(release.partners() / (double) release.companies()).isCloseTo(0.45, within(0.08));
        assertThat(release.simples() / (double) release.companies()).isCloseTo(0.60, within(0.06));
        List<String[]> simples = rows(RfFileKind.SIMPLES);
        long mei = simples.stream().filter(r -> !r[5].equals("00000000")).count();
        assertThat(mei / (double) release.companies()).isCloseTo(0.30, within(0.05));
        for (String[] row : simples) {
            assertThat(row[1]).isIn("S", "N");
            assertThat(row[4]).isIn("S", "N");
            for (int i : new int[] {2, 3, 5, 6}) {
                assertThat(row[i].equals("00000000") || DATE.matcher(row[i]).matches()).as(row[i]).isTrue();
            }
        }
        for (String[] row : rows(RfFileKind.SOCIOS)) {
            switch (row[1]) {
                case "2" -> assertThat(row[3]).matches("\\*\\*\\*[0-9]{6}\\*\\*");
                case "1" -> assertThat(row[3].isEmpty() || Cnpj.parse(row[3]).isPresent()).as(row[3]).isTrue();
                default -> assertThat(row[1]).isEqualTo("3");
            }
            assertThat(row[7]).matches("\\*\\*\\*[0-9]{6}\\*\\*");
            assertThat(row[10]).matches("[0-9]");
        }
    }

    @Test
    void statesFollowTheirPopulationWithSaoPauloFirst() {
        Map<String, Long> byUf = count(establishments(), r -> r[19]);
        String top = byUf.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).isEqualTo("SP");
        assertThat(share(byUf, "SP")).isCloseTo(0.219, within(0.02));
        assertThat(share(byUf, "MG")).isCloseTo(0.101, within(0.015));
        assertThat(share(byUf, "RJ")).isCloseTo(0.079, within(0.015));
        assertThat(share(byUf, "EX")).isBetween(0.0003, 0.005);
        assertThat(byUf.keySet()).hasSize(28);
        // The capital weighs most: São Paulo city (TOM 7107) holds about a quarter of SP.
        long saoPaulo = establishments().stream().filter(r -> r[20].equals("7107")).count();
        assertThat(saoPaulo / (double) byUf.get("SP")).isCloseTo(0.26, within(0.04));
    }

    @Test
    void principalCnaesAreHeavyTailed() {
        Map<String, Long> byCnae = count(establishments(), r -> r[11]);
        List<Map.Entry<String, Long>> ranked = byCnae.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        assertThat(ranked.get(0).getKey()).isEqualTo("4781400");
        assertThat(ranked.get(0).getValue() / (double) ESTABLISHMENTS).isGreaterThanOrEqualTo(0.035);
        assertThat(ranked.subList(0, 5)).extracting(Map.Entry::getKey)
                .containsAnyOf("9602501", "5611201", "4712100", "7319002");
        assertThat(byCnae.size()).isGreaterThan(800);
        long withSecondary = establishments().stream().filter(r -> !r[12].isEmpty()).count();
        assertThat(1 - withSecondary / (double) ESTABLISHMENTS).isCloseTo(0.55, within(0.03));
        for (String[] row : establishments()) {
            if (!row[12].isEmpty()) {
                String[] codes = row[12].split(",");
                assertThat(codes.length).isBetween(1, 8);
                assertThat(Set.of(codes)).hasSize(codes.length).doesNotContain(row[11]);
            }
        }
    }

    @Test
    void aboutSeventyPercentHaveAnEMailAFewOfThemInvalid() {
        List<String> mails = establishments().stream().map(r -> r[27]).filter(m -> !m.isEmpty()).toList();
        assertThat(mails.size() / (double) ESTABLISHMENTS).isCloseTo(0.70, within(0.05));
        long invalid = mails.stream().filter(m -> !m.matches("[A-Za-z0-9._]+@[A-Za-z0-9]+(\\.[A-Za-z0-9]+)+")).count();
        assertThat(invalid / (double) mails.size()).isBetween(0.003, 0.03);
        assertThat(mails).anyMatch(m -> m.equals(m.toUpperCase()) && m.contains("@"));
    }

    @Test
    void aboutFortyFivePercentAreActiveTheRestMostlyClosed() {
        Map<String, Long> bySituacao = count(establishments(), r -> r[5]);
        assertThat(bySituacao.keySet()).isSubsetOf("01", "02", "03", "04", "08");
        assertThat(share(bySituacao, "02")).isCloseTo(0.45, within(0.05));
        assertThat(share(bySituacao, "08")).isGreaterThan(share(bySituacao, "04"));
        for (String[] row : establishments()) {
            assertThat(row[5].equals("02")).isEqualTo(row[7].equals("00"));
        }
    }

    @Test
    void phonesHaveADddOfTheirStateAndEightDigitsHalfOfThemMobileLooking() {
        Map<String, Set<Integer>> ddds = new HashMap<>();
        Geography.STATES.forEach(s -> ddds.put(s.uf(), java.util.Arrays.stream(s.ddds()).boxed().collect(Collectors.toSet())));
        int phones = 0;
        int mobile = 0;
        int first = 0;
        for (String[] row : establishments()) {
            for (int i = 21; i <= 25; i += 2) {
                if (row[i + 1].isEmpty()) {
                    assertThat(row[i]).isEmpty();
                    continue;
                }
                assertThat(row[i + 1]).matches("[2-9][0-9]{7}");
                assertThat(ddds.get(row[19])).contains(Integer.parseInt(row[i]));
                phones++;
                mobile += row[i + 1].charAt(0) >= '6' ? 1 : 0;
            }
            first += row[22].isEmpty() ? 0 : 1;
        }
        assertThat(first / (double) ESTABLISHMENTS).isCloseTo(0.80, within(0.03));
        assertThat(mobile / (double) phones).isCloseTo(0.50, within(0.03));
    }

    @Test
    void datesAreRfDatesNoLaterThanTheRelease() {
        for (String[] row : establishments()) {
            assertThat(DATE.matcher(row[10]).matches()).as(row[10]).isTrue();
            assertThat(DATE.matcher(row[6]).matches()).as(row[6]).isTrue();
            assertThat(row[10]).isBetween("19600101", "20261108");
            assertThat(row[6]).isBetween(row[10], "20261108");
            assertThat(row[18]).matches(row[19].equals("EX") ? "" : "[0-9]{8}");
        }
        for (String[] row : rows(RfFileKind.EMPRESAS)) {
            assertThat(row[4]).matches("(0|[1-9][0-9]*),[0-9]{2}");
            assertThat(row[5]).isIn("00", "01", "03", "05");
        }
    }

    @Test
    void everyCodeInTheRowsIsInItsLookupTable() {
        Set<String> cnaes = codes(RfFileKind.CNAES);
        Set<String> municipios = codes(RfFileKind.MUNICIPIOS);
        Set<String> motivos = codes(RfFileKind.MOTIVOS);
        Set<String> paises = codes(RfFileKind.PAISES);
        Set<String> naturezas = codes(RfFileKind.NATUREZAS);
        Set<String> qualificacoes = codes(RfFileKind.QUALIFICACOES);
        assertThat(cnaes).hasSize(1_332);
        assertThat(municipios).hasSize(5_572).contains("7107", "9701", "9707");
        Set<String> missing = new java.util.TreeSet<>();
        for (String[] row : establishments()) {
            expect(cnaes, "cnae ", row[11], missing);
            if (!row[12].isEmpty()) {
                for (String code : row[12].split(",")) {
                    expect(cnaes, "cnae ", code, missing);
                }
            }
            expect(municipios, "municipio ", row[20], missing);
            expect(motivos, "motivo ", row[7], missing);
            if (!row[9].isEmpty()) {
                expect(paises, "pais ", row[9], missing);
            }
        }
        for (String[] row : rows(RfFileKind.EMPRESAS)) {
            expect(naturezas, "natureza ", row[2], missing);
            expect(qualificacoes, "qualificacao ", row[3], missing);
        }
        for (String[] row : rows(RfFileKind.SOCIOS)) {
            expect(qualificacoes, "qualificacao ", row[4], missing);
            expect(qualificacoes, "qualificacao ", row[9], missing);
            if (!row[6].isEmpty()) {
                expect(paises, "pais ", row[6], missing);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theSameSpecGivesTheSameBytesAndAnotherSeedOthers(@TempDir Path first, @TempDir Path second, @TempDir Path other)
            throws IOException {
        new ReleaseGenerator(new GeneratorSpec(3_000, 7)).writeTo(first, n -> { });
        new ReleaseGenerator(new GeneratorSpec(3_000, 7)).writeTo(second, n -> { });
        new ReleaseGenerator(new GeneratorSpec(3_000, 8)).writeTo(other, n -> { });
        for (String name : RfFileKind.allZipNames()) {
            assertThat(sha256(second.resolve(name))).as(name).isEqualTo(sha256(first.resolve(name)));
        }
        for (String name : RfFileKind.ESTABELECIMENTOS.zipNames()) {
            assertThat(sha256(other.resolve(name))).as(name).isNotEqualTo(sha256(first.resolve(name)));
        }
        // The lookups do not depend on the seed.
        assertThat(sha256(other.resolve("Cnaes.zip"))).isEqualTo(sha256(first.resolve("Cnaes.zip")));
    }

    private static void expect(Set<String> codes, String what, String code, Set<String> missing) {
        if (!codes.contains(code)) {
            missing.add(what + code);
        }
    }

    private static List<String[]> establishments() {
        return rows(RfFileKind.ESTABELECIMENTOS);
    }

    private static List<String[]> rows(RfFileKind kind) {
        List<String[]> all = new ArrayList<>();
        kind.zipNames().forEach(name -> all.addAll(files.get(name)));
        return all;
    }

    private static Set<String> codes(RfFileKind kind) {
        return rows(kind).stream().map(r -> r[0]).collect(Collectors.toSet());
    }

    private static Map<String, Long> count(List<String[]> rows, Function<String[], String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static double share(Map<String, Long> counts, String key) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.getOrDefault(key, 0L) / (double) total;
    }

    private static byte[] singleEntry(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry).as(zip.toString()).isNotNull();
            assertThat(entry.getName()).matches("[A-Z0-9.$]+");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            assertThat(in.getNextEntry()).as(zip + " holds one entry").isNull();
            return bytes.toByteArray();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
