package com.dominusleads.ingestion.api;

import com.dominusleads.ingestion.domain.ReleaseFileState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A release's load, file by file: rows done, rows/s, and an estimate of total rows and time left from the share of
 * the file's uncompressed bytes read (the zip directory gives the size; the number of lines is known only at the end).
 */
public record ReleaseProgress(long rowsLoaded, long rowsQuarantined, Long rowsTotalEstimate, double percent,
                              double rowsPerSecond, Long etaSeconds, List<FileProgress> files) {

    public record FileProgress(String name, String kind, String status, long rowsLoaded, long rowsQuarantined,
                               Long rowsTotalEstimate, double percent, double rowsPerSecond, Long etaSeconds,
                               String error) {
    }

    static ReleaseProgress of(List<ReleaseFileState> files) {
        OffsetDateTime now = OffsetDateTime.now();
        List<FileProgress> progress = files.stream().map(f -> file(f, now)).toList();
        long rows = progress.stream().mapToLong(FileProgress::rowsLoaded).sum();
        long bad = progress.stream().mapToLong(FileProgress::rowsQuarantined).sum();
        // Files not opened yet have no uncompressed size: each file counts by its zip size, which is known.
        double zipTotal = files.stream().mapToDouble(f -> f.sizeBytes() == null ? 0 : f.sizeBytes()).sum();
        double zipDone = files.stream().mapToDouble(f -> f.sizeBytes() == null ? 0 : f.sizeBytes() * fraction(f)).sum();
        double percent = zipTotal > 0 ? 100.0 * zipDone / zipTotal : 0;
        Long totalEstimate = zipDone > 0 ? Math.round(rows * zipTotal / zipDone) : null;
        OffsetDateTime first = files.stream().map(ReleaseFileState::startedAt).filter(t -> t != null)
                .min(OffsetDateTime::compareTo).orElse(null);
        double rate = first == null ? 0 : rows / Math.max(seconds(first, now), 1e-3);
        Long eta = totalEstimate == null || rate <= 0 ? null : Math.round((totalEstimate - rows) / rate);
        return new ReleaseProgress(rows, bad, totalEstimate, round(percent), round(rate), eta, progress);
    }

    private static FileProgress file(ReleaseFileState f, OffsetDateTime now) {
        Long estimate = f.bytesTotal() != null && f.bytesRead() > 0
                ? Math.round((double) f.rowsLoaded() * f.bytesTotal() / f.bytesRead()) : null;
        double percent = f.status().equals("DONE") ? 100 : f.bytesTotal() != null && f.bytesTotal() > 0
                ? 100.0 * f.bytesRead() / f.bytesTotal() : 0;
        OffsetDateTime end = f.finishedAt() != null ? f.finishedAt() : now;
        double elapsed = f.startedAt() == null ? 0 : seconds(f.startedAt(), end);
        double rate = elapsed > 0 ? f.rowsLoaded() / elapsed : 0;
        Long eta = f.status().equals("DONE") ? Long.valueOf(0) : estimate == null || rate <= 0 ? null
                : Math.round((estimate - f.rowsLoaded()) / rate);
        return new FileProgress(f.name(), f.kind(), f.status(), f.rowsLoaded(), f.rowsQuarantined(),
                f.status().equals("DONE") ? Long.valueOf(f.rowsLoaded()) : estimate, round(percent), round(rate), eta,
                f.error());
    }

    private static double fraction(ReleaseFileState f) {
        if (f.status().equals("DONE")) {
            return 1;
        }
        return f.bytesTotal() == null || f.bytesTotal() == 0 ? 0 : (double) f.bytesRead() / f.bytesTotal();
    }

    private static double seconds(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
