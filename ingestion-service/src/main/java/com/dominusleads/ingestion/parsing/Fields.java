package com.dominusleads.ingestion.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Typed reads of one field of the current record, straight from the reader's bytes (no String per field on the hot
 * path). Surrounding spaces are ignored everywhere: the Receita pads some fields.
 */
public final class Fields {

    /** A date field holding {@code 0}, {@code 00000000} or nothing: no date. */
    public static final int NO_DATE = Integer.MIN_VALUE;
    /** A field that is present but not what its column holds. */
    public static final int INVALID = Integer.MIN_VALUE + 1;
    /** An empty numeric field. */
    public static final int EMPTY = -1;

    private Fields() {
    }

    public static boolean isBlank(RfRecordReader r, int field) {
        return trimmedLength(r, field) == 0;
    }

    /** The digits of the field as a non-negative int, {@link #EMPTY} when blank, {@link #INVALID} otherwise. */
    public static int digits(RfRecordReader r, int field) {
        byte[] b = r.source(field);
        int start = trimmedStart(r, field);
        int len = trimmedLength(r, field);
        if (len == 0) {
            return EMPTY;
        }
        if (len > 9) {
            return INVALID;
        }
        int value = 0;
        for (int i = start; i < start + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * A {@code YYYYMMDD} date as an epoch day; {@link #NO_DATE} for {@code 0}, {@code 00000000} or blank (how the
     * Receita writes "no date"); {@link #INVALID} for anything else that is not a calendar date.
     */
    public static int date(RfRecordReader r, int field) {
        int value = digits(r, field);
        if (value == EMPTY || value == 0) {
            return NO_DATE;
        }
        if (value == INVALID || trimmedLength(r, field) != 8) {
            return INVALID;
        }
        try {
            return (int) LocalDate.of(value / 10_000, value / 100 % 100, value % 100).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** Whether the trimmed field equals the ASCII {@code text}. */
    public static boolean is(RfRecordReader r, int field, String text) {
        byte[] b = r.source(field);
        int start = trimmedStart(r, field);
        int len = trimmedLength(r, field);
        if (len != text.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed field as a String (null when blank): for short fields and the slow paths. */
    public static String string(RfRecordReader r, int field) {
        int len = trimmedLength(r, field);
        if (len == 0) {
            return null;
        }
        return new String(r.source(field), trimmedStart(r, field), len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static int trimmedStart(RfRecordReader r, int field) {
        byte[] b = r.source(field);
        int start = r.start(field);
        int end = start + r.length(field);
        while (start < end && b[start] == ' ') {
            start++;
        }
        return start;
    }

    public static int trimmedLength(RfRecordReader r, int field) {
        byte[] b = r.source(field);
        int start = trimmedStart(r, field);
        int end = r.start(field) + r.length(field);
        while (end > start && b[end - 1] == ' ') {
            end--;
        }
        return end - start;
    }
}
