package com.dominusleads.ingestion.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the records of one Receita Federal CSV (ISO-8859-1, {@code ;}-separated, every field quoted, no header) from a
 * stream, without copying: each field is a range of the reader's buffer, valid until the next call to {@link #next()}.
 * <p>
 * Fields are split on the three bytes {@code ";"} rather than by a general CSV state machine, because the Receita
 * does not escape quotes inside fields ({@code "BAR "DO ZE""} occurs): with every field quoted, {@code ";"} is the only
 * reliable boundary. A doubled quote inside a field is read as one quote. A line with too few fields is joined with
 * the next line (a line break inside a field) when that completes the record; otherwise it is reported as malformed
 * on its own and reading goes on with the next line.
 */
public final class RfRecordReader {

    /** Lines a record may span; beyond that a short line is malformed rather than continued. */
    private static final int MAX_LINES_PER_RECORD = 4;
    private static final byte QUOTE = '"';

    private final InputStream in;
    private final int expectedFields;
    private byte[] buf = new byte[1 << 20];
    private int limit;          // valid bytes in buf
    private int pos;            // start of the next unread line
    private boolean eof;

    private long nextLine = 1;  // number of the line at pos
    private long recordLine;    // first line of the current record
    private int recordLines;    // lines the current record spans
    private int recordStart;
    private int recordEnd;      // exclusive, without the line terminator
    private int keepFrom;       // bytes before this offset are no longer needed
    private long discarded;     // bytes of the stream compacted out of the buffer
    private String problem;

    private final int[] starts;
    private final int[] lengths;
    private final byte[][] sources;  // buf, or a private copy for a field whose doubled quotes were collapsed
    private int fields;

    public RfRecordReader(InputStream in, int expectedFields) {
        this.in = in;
        this.expectedFields = expectedFields;
        this.starts = new int[expectedFields + 1];
        this.lengths = new int[expectedFields + 1];
        this.sources = new byte[expectedFields + 1][];
    }

    /** Moves to the next record; false at the end of the file. Blank lines are counted and skipped. */
    public boolean next() throws IOException {
        while (true) {
            keepFrom = pos;
            int end = lineEnd();
            if (end < 0) {
                return false;
            }
            recordStart = pos;
            recordLine = nextLine;
            recordLines = 1;
            recordEnd = trimCr(recordStart, end);
            consumeLine(end);
            if (recordEnd == recordStart) {
                continue; // a blank line (some files end with one): nothing to load, nothing lost
            }
            problem = splitRange(recordStart, recordEnd);
            if (problem != null && fields < expectedFields) {
                tryJoin();
            }
            return true;
        }
    }

    /**
     * A short record may hold a line break inside a field: join the following lines while the record is still short,
     * and keep the join if it yields exactly the expected fields. Otherwise the first line is the malformed record and
     * reading resumes at the second. Offsets are kept relative to the record's start: reading on may move the buffer.
     */
    private void tryJoin() throws IOException {
        keepFrom = recordStart;
        int firstEnd = recordEnd - recordStart;
        int firstNext = pos - recordStart;
        long firstNextLine = nextLine;
        int joined = 1;
        while (joined < MAX_LINES_PER_RECORD) {
            int end = lineEnd();
            if (end < 0) {
                break;
            }
            int candidateEnd = trimCr(pos, end);
            if (splitRange(pos, candidateEnd) == null) {
                break; // the next line is a record of its own: the short line is the malformed one
            }
            String joinedProblem = splitRange(recordStart, candidateEnd);
            joined++;
            consumeLine(end);
            if (joinedProblem == null) {
                recordEnd = candidateEnd;
                recordLines = joined;
                problem = null;
                return;
            }
            if (fields >= expectedFields) {
                break; // overshot: the next line was a record of its own
            }
        }
        pos = recordStart + firstNext;
        nextLine = firstNextLine;
        recordEnd = recordStart + firstEnd;
        recordLines = 1;
        problem = splitRange(recordStart, recordEnd);
    }

    /** 1-based number of the record's first line in the file. */
    public long lineNumber() {
        return recordLine;
    }

    /** Lines the record spans (more than one when a field holds a line break). */
    public int lines() {
        return recordLines;
    }

    /** Lines read so far, including the current record's. */
    public long linesRead() {
        return nextLine - 1;
    }

    /** Bytes of the stream consumed so far, up to and including the current record's line break. */
    public long bytesRead() {
        return discarded + pos;
    }

    /** Null for a well-formed record; otherwise why it is not one (a quarantine reason). */
    public String problem() {
        return problem;
    }

    public int fieldCount() {
        return fields;
    }

    public byte[] source(int field) {
        return sources[field];
    }

    public int start(int field) {
        return starts[field];
    }

    public int length(int field) {
        return lengths[field];
    }

    /** The field as text (for the slow paths: errors, lookups, tests). */
    public String field(int field) {
        return new String(sources[field], starts[field], lengths[field], StandardCharsets.ISO_8859_1);
    }

    /** The record exactly as it stands in the file (without its final line break), for quarantine. */
    public String rawLine() {
        return new String(buf, recordStart, recordEnd - recordStart, StandardCharsets.ISO_8859_1);
    }

    private String splitRange(int from, int to) {
        fields = 0;
        if (to - from < 2 || buf[from] != QUOTE || buf[to - 1] != QUOTE) {
            return "not_quoted: a record starts and ends with a double quote";
        }
        int fieldStart = from + 1;
        int last = to - 1; // the closing quote
        int i = fieldStart;
        while (true) {
            int sep = indexOfSeparator(i, last);
            int fieldEnd = sep < 0 ? last : sep;
            if (fields == expectedFields) {
                fields++;
                return "field_count: expected " + expectedFields + " fields, found more";
            }
            setField(fieldStart, fieldEnd);
            if (sep < 0) {
                break;
            }
            fieldStart = sep + 3;
            i = fieldStart;
        }
        if (fields != expectedFields) {
            return "field_count: expected " + expectedFields + " fields, found " + fields;
        }
        for (int f = 0; f < fields; f++) {
            if (indexOf((byte) 0, sources[f], starts[f], starts[f] + lengths[f]) >= 0) {
                return "nul_byte: field " + (f + 1) + " holds a NUL character";
            }
        }
        return null;
    }

    private void setField(int from, int to) {
        int f = fields++;
        if (!hasDoubledQuote(from, to)) {
            sources[f] = buf;
            starts[f] = from;
            lengths[f] = to - from;
            return;
        }
        // Doubled quotes: collapse them in a copy, leaving the buffer (and so rawLine) untouched.
        byte[] copy = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            copy[n++] = buf[i];
            if (buf[i] == QUOTE && i + 1 < to && buf[i + 1] == QUOTE) {
                i++;
            }
        }
        sources[f] = copy;
        starts[f] = 0;
        lengths[f] = n;
    }

    /** The closing quote of a {@code ";"} separator in [from, to), where {@code to} is the record's closing quote. */
    private int indexOfSeparator(int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (buf[i + 1] == ';' && buf[i] == QUOTE && buf[i + 2] == QUOTE) {
                return i;
            }
        }
        return -1;
    }

    private boolean hasDoubledQuote(int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (buf[i] == QUOTE && buf[i + 1] == QUOTE) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte b, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private int trimCr(int start, int end) {
        return end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }

    private void consumeLine(int end) {
        nextLine++;
        pos = Math.min(end + 1, limit);
    }

    /**
     * The index of the line feed ending the line that starts at {@code pos} ({@code limit} for a last line without
     * one), reading more input as needed; -1 when no line is left. Reading may compact or grow the buffer, moving
     * every offset at or after {@code keepFrom}.
     */
    private int lineEnd() throws IOException {
        int scan = pos;
        while (true) {
            int lf = indexOf((byte) '\n', buf, scan, limit);
            if (lf >= 0) {
                return lf;
            }
            if (eof) {
                return pos < limit ? limit : -1;
            }
            int scanned = limit - pos;
            compactAndFill();
            scan = pos + scanned;
        }
    }

    private void compactAndFill() throws IOException {
        int shift = keepFrom;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            limit -= shift;
            pos -= shift;
            recordStart -= shift;
            recordEnd -= shift;
            keepFrom = 0;
            discarded += shift;
            for (int f = 0; f < fields; f++) {
                if (sources[f] == buf) {
                    starts[f] -= shift;
                }
            }
        } else if (limit == buf.length) {
            byte[] grown = Arrays.copyOf(buf, buf.length * 2);
            for (int f = 0; f < fields; f++) {
                if (sources[f] == buf) {
                    sources[f] = grown;
                }
            }
            buf = grown;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }
}
