package com.dominusleads.launcher;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.releasegenerator.GeneratedRelease;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./dominus generate-release [--establishments N] [--seed S] <dir>}: writes a synthetic Receita Federal
 * release (the 37 zips) for ingestion tests and benchmarks, showing progress, then the counts, sizes and speed.
 */
final class GenerateReleaseCommand {

    static final String USAGE = "usage: ./dominus generate-release [--establishments N] [--seed S] <dir>"
            + "  (defaults: 100,000 establishments, seed 1)";
    private static final String COMPONENT = "generate-release";

    /** The parsed command line. */
    record Arguments(long establishments, long seed, Path dir) {
    }

    private final Console console;

    GenerateReleaseCommand(Console console) {
        this.console = console;
    }

    /** Exit status: 0 written, 1 could not write, 2 bad arguments. */
    int run(List<String> args) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            console.fail(COMPONENT, e.getMessage());
            console.line(USAGE);
            return 2;
        }
        console.step(COMPONENT, String.format("%,d establishments, seed %d → %s", arguments.establishments(),
                arguments.seed(), arguments.dir().toAbsolutePath()));
        long started = System.nanoTime();
        long[] lastDraw = {0};
        GeneratedRelease release;
        try {
            release = new ReleaseGenerator(new GeneratorSpec(arguments.establishments(), arguments.seed()))
                    .writeTo(arguments.dir(), written -> {
                        long now = System.nanoTime();
                        if (now - lastDraw[0] >= 100_000_000L || written == arguments.establishments()) {
                            lastDraw[0] = now;
                            double seconds = Math.max(1e-9, (now - started) / 1e9);
                            console.progress(COMPONENT, written, arguments.establishments(), String.format(
                                    "%,d / %,d establishments  %,.0f /s", written, arguments.establishments(), written / seconds));
                        }
                    });
        } catch (IOException e) {
            console.endProgress();
            console.fail(COMPONENT, "cannot write the release into " + arguments.dir() + ": " + e);
            return 1;
        }
        console.endProgress();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<List<String>> table = new ArrayList<>();
        long totalBytes = 0;
        for (RfFileKind kind : RfFileKind.values()) {
            long rows = 0;
            long bytes = 0;
            for (String name : kind.zipNames()) {
                rows += release.rowsPerFile().getOrDefault(name, 0L);
                bytes += size(arguments.dir().resolve(name));
            }
            totalBytes += bytes;
            table.add(List.of(kind.baseName(), String.valueOf(kind.zipNames().size()), String.format("%,d", rows),
                    megabytes(bytes)));
        }
        console.ok(COMPONENT, String.format("%,d establishments, %,d companies, %,d partners, %,d Simples rows in %.1f s",
                release.establishments(), release.companies(), release.partners(), release.simples(), seconds));
        console.ok(COMPONENT, String.format("%,.0f establishments/s, %,.0f rows/s (%,d rows in all), %s on disk",
                release.establishments() / seconds, release.totalRows() / seconds, release.totalRows(), megabytes(totalBytes)));
        console.line("");
        console.table(List.of("file", "zips", "rows", "size"), table);
        return 0;
    }

    static Arguments parse(List<String> args) {
        long establishments = 100_000;
        long seed = 1;
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--establishments", "-n" -> {
                    establishments = number(name, value(args, i, arg));
                    i += arg.contains("=") ? 0 : 1;
                    if (establishments < 1 || establishments > GeneratorSpec.MAX_ESTABLISHMENTS) {
                        throw new IllegalArgumentException(String.format(
                                "--establishments must be between 1 and %,d", GeneratorSpec.MAX_ESTABLISHMENTS));
                    }
                }
                case "--seed" -> {
                    seed = number(name, value(args, i, arg));
                    i += arg.contains("=") ? 0 : 1;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (dir != null) {
                        throw new IllegalArgumentException("one directory only (got " + dir + " and " + arg + ")");
                    }
                    dir = Path.of(arg);
                }
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("say where to write the release, e.g. ./dominus generate-release /tmp/release");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " exists and is not a directory");
        }
        return new Arguments(establishments, seed, dir);
    }

    private static String value(List<String> args, int i, String arg) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return args.get(i + 1);
    }

    /** A whole number; 2_000_000 and 2,000,000 are accepted too. */
    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 1_000_000 ? String.format("%,.1f kB", bytes / 1e3) : String.format("%,.1f MB", bytes / 1e6);
    }
}
