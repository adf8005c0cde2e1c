package com.dominusleads.ingestion.release;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Whether a release zip is whole: a zip holding exactly one entry (the CSV). Failures are plain IOExceptions with the
 * technical detail; callers add which file it is and what to do.
 */
final class ZipIntegrity {

    private ZipIntegrity() {
    }

    /**
     * Cheap: opens the central directory, which sits at the end of the file, so a truncated copy fails here without
     * reading the data.
     */
    static void checkCentralDirectory(Path zip) throws IOException {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            requireOneEntry(zipFile.size());
        }
    }

    /**
     * Thorough: inflates every entry, so that {@link ZipInputStream} compares each one's CRC-32 and size with its
     * header. Leaves {@code in} open, positioned after the last entry (the central directory is left unread).
     */
    static void readThrough(InputStream in) throws IOException {
        InputStream unclosable = new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller still reads the rest (it may be hashing the whole file)
            }
        };
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(unclosable)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                zip.transferTo(OutputStream.nullOutputStream());
            }
        }
        requireOneEntry(entries);
    }

    private static void requireOneEntry(int entries) throws IOException {
        if (entries != 1) {
            throw new IOException("it holds " + entries + " entries where a release zip holds exactly one CSV");
        }
    }
}
