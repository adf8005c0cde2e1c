package com.dominusleads.releasegenerator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One release file: a zip holding a single CSV entry in the Receita Federal's format: ISO-8859-1, {@code ;} between
 * fields, every field in double quotes, no header, LF after every row. Rows are encoded straight into a byte buffer
 * (no Writer, no per-field Strings for numbers), which is what keeps generation faster than the deflater.
 */
final class RfCsvZip implements Closeable {

    static final int BUFFER = 1 << 16;

    private final ZipOutputStream zip;
    private final DeflateThread deflater;
    private byte[] buffer;
    private int position;
    private boolean firstField = true;
    private long rows;

    /**
     * {@code entryTime} is fixed (the release date): the same spec must give the same bytes. Full buffers go to
     * {@code deflater}, which compresses and writes them on its own thread.
     */
    RfCsvZip(Path file, String entryName, LocalDateTime entryTime, DeflateThread deflater) throws IOException {
        this.deflater = deflater;
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        zip = new ZipOutputStream(out);
        // Level 1 (BEST_SPEED): 2-3× faster than the default 6 for ~15 % bigger files; generation must stay far
        // below the time the ingestion takes, and the RF's own zips are no tighter than that.
        zip.setLevel(Deflater.BEST_SPEED);
        ZipEntry entry = new ZipEntry(entryName);
        entry.setTimeLocal(entryTime); // stored as is: no time zone makes the bytes differ
        zip.putNextEntry(entry);
        this.buffer = deflater.buffer();
    }

    /** A quoted text field; characters outside ISO-8859-1 become '?' as they would in the RF's export. */
    RfCsvZip text(String value) {
        int length = value.length();
        ensure(length + 3);
        startField();
        byte[] b = buffer;
        int p = position;
        b[p++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            b[p++] = c < 256 ? (byte) c : (byte) '?';
        }
        b[p++] = '"';
        position = p;
        return this;
    }

    /** {@code ""}. */
    RfCsvZip empty() {
        ensure(3);
        startField();
        buffer[position++] = '"';
        buffer[position++] = '"';
        return this;
    }

    /** A non-negative number left-padded with zeros to {@code width} digits (wider numbers keep all their digits). */
    RfCsvZip digits(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int length = Math.max(width, decimalLength(value));
        ensure(length + 3);
        startField();
        byte[] b = buffer;
        b[position] = '"';
        int end = position + length;
        for (int p = end; p > position; p--) {
            b[p] = (byte) ('0' + value % 10);
            value /= 10;
        }
        b[end + 1] = '"';
        position = end + 2;
        return this;
    }

    /** A non-negative number without padding. */
    RfCsvZip number(long value) {
        return digits(value, 1);
    }

    /** A date as {@code YYYYMMDD} from its {@code yyyymmdd} int (0 writes {@code 00000000}, the RF's null date). */
    RfCsvZip date(int yyyymmdd) {
        return digits(yyyymmdd, 8);
    }

    /** An amount in cents as the RF writes capital_social: integer part, decimal comma, two decimals. */
    RfCsvZip amount(long cents) {
        long units = cents / 100;
        int fraction = (int) (cents % 100);
        int unitsLength = decimalLength(units);
        ensure(unitsLength + 6);
        startField();
        byte[] b = buffer;
        b[position] = '"';
        int end = position + unitsLength;
        for (int p = end; p > position; p--) {
            b[p] = (byte) ('0' + units % 10);
            units /= 10;
        }
        b[end + 1] = ',';
        b[end + 2] = (byte) ('0' + fraction / 10);
        b[end + 3] = (byte) ('0' + fraction % 10);
        b[end + 4] = '"';
        position = end + 5;
        return this;
    }

    void endRow() {
        ensure(1);
        buffer[position++] = '\n';
        firstField = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Hands the last rows over and has the deflater close the zip; {@link DeflateThread#finish()} waits for it. */
    @Override
    public void close() {
        if (buffer != null) {
            deflater.write(zip, buffer, position);
            buffer = null;
            deflater.close(zip);
        }
    }

    private void startField() {
        if (!firstField) {
            buffer[position++] = ';';
        }
        firstField = false;
    }

    /** Room for {@code bytes} more bytes plus a separator. */
    private void ensure(int bytes) {
        if (position + bytes + 1 > BUFFER) {
            flush();
            if (bytes + 1 > BUFFER) {
                throw new IllegalArgumentException("field too long: " + bytes + " bytes");
            }
        }
    }

    private void flush() {
        deflater.write(zip, buffer, position);
        buffer = deflater.buffer();
        position = 0;
    }

    private static int decimalLength(long value) {
        int length = 1;
        while (value >= 10) {
            value /= 10;
            length++;
        }
        return length;
    }
}
