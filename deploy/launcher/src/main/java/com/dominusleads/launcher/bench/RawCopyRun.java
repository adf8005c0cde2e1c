package com.dominusleads.launcher.bench;

import com.dominusleads.directory.RfFileKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;

/**
 * The baseline of {@code bench ingest}: the release's big files (Estabelecimentos, Empresas, Socios, Simples) streamed
 * from their zips straight into PostgreSQL's own CSV {@code COPY}, into unlogged tables of text columns with no index,
 * on as many connections as the ingestion uses. No parsing, no normalisation, no typing on the client: the physical
 * limit of getting these rows into this server on this machine.
 */
final class RawCopyRun {

    record Result(long rows, double seconds) {
        double perSecond() {
            return rows / seconds;
        }
    }

    private RawCopyRun() {
    }

    static Result measure(Supplier<Connection> connections, Path release, int workers) throws Exception {
        List<Path> zips = new ArrayList<>();
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            for (RfFileKind kind : List.of(RfFileKind.ESTABELECIMENTOS, RfFileKind.EMPRESAS, RfFileKind.SOCIOS, RfFileKind.SIMPLES)) {
                StringBuilder columns = new StringBuilder();
                for (int i = 1; i <= kind.columns(); i++) {
                    columns.append(i == 1 ? "" : ", ").append("c").append(i).append(" text");
                }
                s.execute("drop table if exists raw_" + kind.baseName().toLowerCase());
                s.execute("create unlogged table raw_" + kind.baseName().toLowerCase() + " (" + columns + ")");
                for (String name : kind.zipNames()) {
                    if (Files.exists(release.resolve(name))) {
                        zips.add(release.resolve(name));
                    }
                }
            }
        }
        zips.sort(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed());
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Path zip : zips) {
                running.add(pool.submit(() -> {
                    String table = "raw_" + RfFileKind.ofFileName(zip.getFileName().toString()).orElseThrow().baseName().toLowerCase();
                    try (ZipFile file = new ZipFile(zip.toFile()); Connection c = connections.get()) {
                        try (InputStream in = file.getInputStream(file.entries().nextElement())) {
                            rows.addAndGet(c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                                    + " FROM STDIN (FORMAT csv, DELIMITER ';', QUOTE '\"', ENCODING 'LATIN1')", in, 1 << 20));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            for (RfFileKind kind : List.of(RfFileKind.ESTABELECIMENTOS, RfFileKind.EMPRESAS, RfFileKind.SOCIOS, RfFileKind.SIMPLES)) {
                s.execute("drop table raw_" + kind.baseName().toLowerCase());
            }
        }
        return new Result(rows.get(), seconds);
    }
}
