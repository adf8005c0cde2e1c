package com.dominusleads.ingestion.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, built in memory and handed to the server in large writes. Binary
 * rather than text because the server then neither parses numbers and dates nor unescapes text, and the client need
 * not escape anything: the load is bounded by the server's CPU, so every cycle saved there is throughput.
 * A row is written field by field after {@link #startRow}; {@link #mark()}/{@link #reset()} drop a half-written row.
 */
public final class BinaryCopyBuffer {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL dates count days from 2000-01-01; Java's epoch day from 1970-01-01. */
    private static final int PG_EPOCH_DAY = 10_957;
    private static final int INT4_OID = 23;

    private byte[] buf;
    private int pos;
    private int mark = -1;
    private int rows;

    public BinaryCopyBuffer(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    /** The stream header; once per COPY, before the first row. */
    public BinaryCopyBuffer header() {
        put(HEADER, 0, HEADER.length);
        return this;
    }

    /** The end-of-data marker; once per COPY, after the last row. */
    public BinaryCopyBuffer trailer() {
        ensure(2);
        putShort(-1);
        return this;
    }

    public void startRow(int fields) {
        ensure(2);
        putShort(fields);
        rows++;
    }

    /** Remembers where the current row starts, so that a row found malformed halfway can be taken back. */
    public void mark() {
        mark = pos;
    }

    public void reset() {
        if (mark < 0) {
            throw new IllegalStateException("reset without mark");
        }
        pos = mark;
        rows--;
        mark = -1;
    }

    public void nul() {
        ensure(4);
        putInt(-1);
    }

    public void bool(boolean value) {
        ensure(5);
        putInt(1);
        buf[pos++] = (byte) (value ? 1 : 0);
    }

    public void int2(int value) {
        ensure(6);
        putInt(2);
        putShort(value);
    }

    public void int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
    }

    /** A {@code date} given as a Java epoch day. */
    public void date(int epochDay) {
        int4(epochDay - PG_EPOCH_DAY);
    }

    /**
     * Text from ISO-8859-1 bytes (how the Receita writes it), re-encoded as UTF-8 on the way; control characters
     * (line breaks inside a field, tabs) become spaces, since no directory field is multi-line.
     */
    public void latin1Text(byte[] src, int off, int len) {
        ensure(4 + 2 * len);
        int lengthAt = pos;
        pos += 4;
        for (int i = off, end = off + len; i < end; i++) {
            int b = src[i] & 0xFF;
            if (b < 0x20) {
                buf[pos++] = ' ';
            } else if (b < 0x80) {
                buf[pos++] = (byte) b;
            } else {
                buf[pos++] = (byte) (0xC0 | (b >> 6));
                buf[pos++] = (byte) (0x80 | (b & 0x3F));
            }
        }
        writeIntAt(lengthAt, pos - lengthAt - 4);
    }

    public void text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ensure(4 + utf8.length);
        putInt(utf8.length);
        put(utf8, 0, utf8.length);
    }

    /** A text or null. */
    public void textOrNull(String value) {
        if (value == null) {
            nul();
        } else {
            text(value);
        }
    }

    /** A {@code text[]} without nulls (empty array when {@code count} is 0). */
    public void textArray(String[] values, int count) {
        int lengthAt = startArray(count, 25);
        for (int i = 0; i < count; i++) {
            byte[] utf8 = values[i].getBytes(StandardCharsets.UTF_8);
            ensure(4 + utf8.length);
            putInt(utf8.length);
            put(utf8, 0, utf8.length);
        }
        writeIntAt(lengthAt, pos - lengthAt - 4);
    }

    /** An {@code int4[]} without nulls (empty array when {@code count} is 0). */
    public void int4Array(int[] values, int count) {
        int lengthAt = startArray(count, INT4_OID);
        ensure(8 * count);
        for (int i = 0; i < count; i++) {
            putInt(4);
            putInt(values[i]);
        }
        writeIntAt(lengthAt, pos - lengthAt - 4);
    }

    /**
     * A {@code numeric} worth {@code unscaled / 10^scale}, for scale 0–4: base-10000 digit groups, weight of the
     * first group, sign and display scale, as numeric_recv expects them.
     */
    public void numeric(long unscaled, int scale) {
        if (scale < 0 || scale > 4) {
            throw new IllegalArgumentException("scale 0-4 supported, got " + scale);
        }
        boolean negative = unscaled < 0;
        long magnitude = Math.abs(unscaled);
        long integer = magnitude / pow10(scale);
        int fraction = (int) (magnitude % pow10(scale)) * (int) pow10(4 - scale); // one base-10000 group
        short[] groups = new short[8];
        int n = 0;
        for (long rest = integer; rest > 0; rest /= 10_000) {
            groups[n++] = (short) (rest % 10_000);
        }
        int weight = n - 1;
        // groups holds integer groups least significant first; digits go out most significant first.
        short[] digits = new short[n + 1];
        for (int i = 0; i < n; i++) {
            digits[i] = groups[n - 1 - i];
        }
        int count = n;
        if (fraction != 0) {
            digits[count++] = (short) fraction;
        }
        int leading = 0;
        while (leading < count && digits[leading] == 0) {
            leading++; // only possible when there is no integer part
        }
        while (count > leading && digits[count - 1] == 0) {
            count--;
        }
        if (n == 0) {
            weight = -1;
        }
        int ndigits = count - leading;
        ensure(4 + 8 + 2 * ndigits);
        putInt(8 + 2 * ndigits);
        putShort(ndigits);
        putShort(ndigits == 0 ? 0 : weight - leading);
        putShort(negative && ndigits > 0 ? 0x4000 : 0);
        putShort(scale);
        for (int i = leading; i < count; i++) {
            putShort(digits[i]);
        }
    }

    public int rows() {
        return rows;
    }

    public int size() {
        return pos;
    }

    public byte[] bytes() {
        return buf;
    }

    /** Empties the buffer after its bytes were sent. */
    public void clear() {
        pos = 0;
        mark = -1;
    }

    private int startArray(int count, int elementOid) {
        ensure(4 + 20);
        int lengthAt = pos;
        pos += 4;
        putInt(count == 0 ? 0 : 1); // dimensions
        putInt(0);                  // no nulls
        putInt(elementOid);
        if (count > 0) {
            putInt(count);
            putInt(1);              // lower bound
        }
        return lengthAt;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    private void put(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
    }

    private void putShort(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void writeIntAt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }
}
