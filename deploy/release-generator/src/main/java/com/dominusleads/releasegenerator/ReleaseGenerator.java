package com.dominusleads.releasegenerator;

import com.dominusleads.directory.RfFileKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A synthetic Receita Federal CNPJ release: the 37 zips of {@link RfFileKind#allZipNames()}, byte-for-byte in the RF's
 * format, with the register's skew (population by state, a few CNAEs holding several percent each, 45 % active,
 * partners, Simples/MEI, ~1 % alphanumeric CNPJs). The same spec always gives the same bytes.
 *
 * <p>Companies are written one after another, each with its establishments consecutive, into the numbered file of the
 * part they fall in (a company starts in part ⌊10 × establishments written / total⌋, so the ten files are even);
 * memory stays constant whatever the size.
 */
public final class ReleaseGenerator {

    /** How often the progress callback hears of the establishments written. */
    private static final int PROGRESS_EVERY = 1 << 14;

    private final GeneratorSpec spec;

    public ReleaseGenerator(GeneratorSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * Writes the 37 zips into {@code dir} (created if missing; same-named files are replaced), calling
     * {@code establishmentsWritten} with the running count as it goes and once with the total at the end. Each zip is
     * written under a temporary name and all are renamed at the end, so a reader never sees half a release.
     */
    public GeneratedRelease writeTo(Path dir, LongConsumer establishmentsWritten) throws IOException {
        Files.createDirectories(dir);
        Map<String, Long> rows = new LinkedHashMap<>();
        RfFileKind.allZipNames().forEach(name -> rows.put(name, 0L));
        List<String> written = new ArrayList<>();
        try (DeflateThread deflater = new DeflateThread(RfCsvZip.BUFFER)) {
            writeLookups(dir, deflater, rows, written);
            long[] totals = writeRegister(dir, deflater, rows, written, establishmentsWritten);
            deflater.finish();
            for (String name : written) {
                Files.move(dir.resolve(name + ".tmp"), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return new GeneratedRelease(spec.establishments(), totals[0], totals[1], totals[2], rows);
        } catch (UncheckedIOException e) {
            deleteQuietly(dir, written);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir, written);
            throw e;
        }
    }

    private void writeLookups(Path dir, DeflateThread deflater, Map<String, Long> rows, List<String> written)
            throws IOException {
        writeLookup(dir, deflater, RfFileKind.CNAES, LookupTables.cnaes(), rows, written);
        writeLookup(dir, deflater, RfFileKind.MOTIVOS, LookupTables.rows(LookupTables.MOTIVOS), rows, written);
        writeLookup(dir, deflater, RfFileKind.MUNICIPIOS, LookupTables.municipios(), rows, written);
        writeLookup(dir, deflater, RfFileKind.NATUREZAS, LookupTables.naturezas(), rows, written);
        writeLookup(dir, deflater, RfFileKind.PAISES, LookupTables.rows(LookupTables.PAISES), rows, written);
        writeLookup(dir, deflater, RfFileKind.QUALIFICACOES, LookupTables.rows(LookupTables.QUALIFICACOES), rows, written);
    }

    private static void writeLookup(Path dir, DeflateThread deflater, RfFileKind kind, List<String[]> table,
                                    Map<String, Long> rows, List<String> written) throws IOException {
        String zipName = kind.zipNames().get(0);
        written.add(zipName);
        try (RfCsvZip out = open(dir, deflater, zipName, entryName(kind, 0))) {
            for (String[] row : table) {
                out.text(row[0]).text(row[1]).endRow();
            }
            rows.put(zipName, out.rows());
        }
    }

    /** Returns {companies, partners, simples}. */
    private long[] writeRegister(Path dir, DeflateThread deflater, Map<String, Long> rows, List<String> written,
                                 LongConsumer progress) throws IOException {
        int parts = RfFileKind.PARTS;
        RfCsvZip[] establishments = new RfCsvZip[parts];
        RfCsvZip[] empresas = new RfCsvZip[parts];
        RfCsvZip[] socios = new RfCsvZip[parts];
        Map<String, RfCsvZip> open = new LinkedHashMap<>();
        try {
            for (int part = 0; part < parts; part++) {
                establishments[part] = openPart(dir, deflater, RfFileKind.ESTABELECIMENTOS, part, written, open);
                empresas[part] = openPart(dir, deflater, RfFileKind.EMPRESAS, part, written, open);
                socios[part] = openPart(dir, deflater, RfFileKind.SOCIOS, part, written, open);
            }
            RfCsvZip simples = openPart(dir, deflater, RfFileKind.SIMPLES, 0, written, open);

            SyntheticCompanies companies = new SyntheticCompanies(spec.seed());
            long total = spec.establishments();
            long done = 0;
            long companyCount = 0;
            long nextReport = PROGRESS_EVERY;
            while (done < total) {
                int part = (int) (done * parts / total);
                done += companies.write(companyCount, total - done, establishments[part], empresas[part], socios[part],
                        simples);
                companyCount++;
                if (done >= nextReport && progress != null) {
                    progress.accept(done);
                    nextReport = done + PROGRESS_EVERY;
                }
            }
            open.forEach((name, out) -> rows.put(name, out.rows()));
            if (progress != null) {
                progress.accept(done);
            }
            return new long[] {companyCount, companies.partners(), companies.simples()};
        } finally {
            open.values().forEach(RfCsvZip::close);
        }
    }

    private static RfCsvZip openPart(Path dir, DeflateThread deflater, RfFileKind kind, int part, List<String> written,
                                     Map<String, RfCsvZip> open) throws IOException {
        String zipName = kind.zipNames().get(kind.zipNames().size() == 1 ? 0 : part);
        written.add(zipName);
        RfCsvZip out = open(dir, deflater, zipName, entryName(kind, part));
        open.put(zipName, out);
        return out;
    }

    private static RfCsvZip open(Path dir, DeflateThread deflater, String zipName, String entryName) throws IOException {
        return new RfCsvZip(dir.resolve(zipName + ".tmp"), entryName, ENTRY_TIME, deflater);
    }

    private static final LocalDateTime ENTRY_TIME = RegisterDates.RELEASE.atTime(3, 0);
    /** The RF's date stamp in entry names: last digit of the year, month, day ({@code D61108} for 2026-11-08). */
    private static final String DATE_STAMP = "D" + RegisterDates.RELEASE.getYear() % 10
            + RegisterDates.RELEASE.format(DateTimeFormatter.ofPattern("MMdd"));

    /** Entry names as the RF's own ({@code K3241.K03200Y0.D61108.ESTABELE}, {@code F.K03200$Z.D61108.CNAECSV}). */
    static String entryName(RfFileKind kind, int part) {
        return switch (kind) {
            case ESTABELECIMENTOS -> "K3241.K03200Y" + part + "." + DATE_STAMP + ".ESTABELE";
            case EMPRESAS -> "K3241.K03200Y" + part + "." + DATE_STAMP + ".EMPRECSV";
            case SOCIOS -> "K3241.K03200Y" + part + "." + DATE_STAMP + ".SOCIOCSV";
            case SIMPLES -> "F.K03200$W.SIMPLES.CSV." + DATE_STAMP;
            case CNAES -> "F.K03200$Z." + DATE_STAMP + ".CNAECSV";
            case MOTIVOS -> "F.K03200$Z." + DATE_STAMP + ".MOTICSV";
            case MUNICIPIOS -> "F.K03200$Z." + DATE_STAMP + ".MUNICCSV";
            case NATUREZAS -> "F.K03200$Z." + DATE_STAMP + ".NATJUCSV";
            case PAISES -> "F.K03200$Z." + DATE_STAMP + ".PAISCSV";
            case QUALIFICACOES -> "F.K03200$Z." + DATE_STAMP + ".QUALSCSV";
        };
    }

    private static void deleteQuietly(Path dir, List<String> names) {
        for (String name : names) {
            try {
                Files.deleteIfExists(dir.resolve(name + ".tmp"));
            } catch (IOException ignored) {
                // best effort: the error that got us here is reported
            }
        }
    }
}
