package com.dominusleads.ingestion.normalisation;

import java.nio.charset.StandardCharsets;

/**
 * Normalises RF e-mail fields: trims, lower-cases and checks a practical subset of RFC 5321/5322 with one hand-written
 * character loop (no regex, at most one small allocation). Thread-safe (stateless).
 *
 * <p>Accepted: {@code local@domain} where
 * <ul>
 *   <li>local part is a dot-atom of ASCII letters, digits and {@code !#$%&'*+-/=?^_`{|}~}, no leading, trailing or
 *       double dot, at most 64 characters;
 *   <li>domain is two or more labels of {@code [a-z0-9-]}, each 1–63 characters, not starting or ending with
 *       {@code -}; the last label (TLD) is 2+ letters;
 *   <li>the whole address is at most 254 characters.
 * </ul>
 * Canonicalisations (equivalent addresses, not guesses): surrounding whitespace is trimmed; ASCII is lower-cased
 * (local parts are case-sensitive on paper, never in practice, and lower case deduplicates); whitespace right before
 * or after the {@code @} is removed, since RFC 5322 allows CFWS around both dot-atoms of an addr-spec
 * ({@code "nome @ dominio.com.br"}); one trailing dot of the domain is removed, since {@code gmail.com.} is the
 * same DNS name as {@code gmail.com}.
 *
 * <p>Rejected rather than repaired, because a wrong guess is a bounce: commas or spaces elsewhere
 * ({@code fulano@hotmail,com}, {@code joao silva@x.com}), quoted local parts, address literals ({@code [1.2.3.4]}),
 * non-ASCII (SMTPUTF8 local parts, unencoded IDN domains), numeric or punycode TLDs, and placeholders such as
 * {@code "sem email"}.
 *
 * <p>Why an exception: see {@link InvalidEmailException}; it is a shared stackless instance, so rejecting costs no
 * allocation, while {@code null} stays reserved for "no e-mail".
 */
public final class EmailAddresses {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final int MAX_ADDRESS = 254;

    /** atext of RFC 5322 for ASCII 0..127, letters and digits included. */
    private static final boolean[] ATEXT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ATEXT[c] = true;
            ATEXT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ATEXT[c] = true;
        }
        for (char c : "!#$%&'*+-/=?^_`{|}~".toCharArray()) {
            ATEXT[c] = true;
        }
    }

    private EmailAddresses() {}

    /**
     * @param raw the RF field, may be {@code null}
     * @return the lower-cased, trimmed address, or {@code null} when blank
     * @throws InvalidEmailException when present but not a syntactically valid address; see its constants
     */
    public static String normalise(CharSequence raw) throws InvalidEmailException {
        if (raw == null) {
            return null;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        int at = -1;
        for (int i = start; i < end; i++) {
            if (raw.charAt(i) == '@') {
                if (at >= 0) {
                    throw InvalidEmailException.MULTIPLE_AT_ERROR;
                }
                at = i;
            }
        }
        if (at < 0) {
            throw InvalidEmailException.MISSING_AT_ERROR;
        }

        // Local part: [start, localEnd), whitespace before '@' dropped (CFWS).
        int localEnd = at;
        while (localEnd > start && isSpace(raw.charAt(localEnd - 1))) {
            localEnd--;
        }
        int localLength = localEnd - start;
        if (localLength == 0) {
            throw InvalidEmailException.INVALID_LOCAL_PART_ERROR;
        }
        if (localLength > MAX_LOCAL) {
            throw InvalidEmailException.TOO_LONG_ERROR;
        }
        // Domain: (at, end), whitespace after '@' dropped (CFWS), one trailing root dot dropped.
        int domainStart = at + 1;
        while (domainStart < end && isSpace(raw.charAt(domainStart))) {
            domainStart++;
        }
        int domainEnd = end;
        if (domainEnd - domainStart > 1 && raw.charAt(domainEnd - 1) == '.' && raw.charAt(domainEnd - 2) != '.') {
            domainEnd--;
        }
        int length = localLength + 1 + (domainEnd - domainStart);
        if (length > MAX_ADDRESS) {
            throw InvalidEmailException.TOO_LONG_ERROR;
        }

        byte[] out = new byte[length];
        boolean changed = start != 0 || end != raw.length() || localEnd != at || domainStart != at + 1
                || domainEnd != end;
        int o = 0;
        char previous = '.'; // a leading dot then reads as a double dot
        for (int i = start; i < localEnd; i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (previous == '.') {
                    throw InvalidEmailException.INVALID_LOCAL_PART_ERROR;
                }
            } else if (c >= 128 || !ATEXT[c]) {
                throw InvalidEmailException.INVALID_LOCAL_PART_ERROR;
            } else if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
                changed = true;
            }
            out[o++] = (byte) c;
            previous = c;
        }
        if (previous == '.') {
            throw InvalidEmailException.INVALID_LOCAL_PART_ERROR;
        }
        out[o++] = '@';

        int labels = 0;
        int labelLength = 0;
        boolean labelAllLetters = true;
        previous = '.';
        for (int i = domainStart; i < domainEnd; i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (labelLength == 0 || previous == '-') {
                    throw InvalidEmailException.INVALID_DOMAIN_ERROR;
                }
                labels++;
                labelLength = 0;
                labelAllLetters = true;
            } else {
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                    changed = true;
                }
                if (c >= 'a' && c <= 'z') {
                    // letter
                } else if ((c >= '0' && c <= '9') || (c == '-' && labelLength > 0)) {
                    labelAllLetters = false;
                } else {
                    throw InvalidEmailException.INVALID_DOMAIN_ERROR;
                }
                if (++labelLength > MAX_LABEL) {
                    throw InvalidEmailException.TOO_LONG_ERROR;
                }
            }
            out[o++] = (byte) c;
            previous = c;
        }
        // Last label: the TLD. Needs at least one dot before it, 2+ letters only (so it cannot end with '-').
        if (labels == 0 || labelLength < 2 || !labelAllLetters) {
            throw InvalidEmailException.INVALID_DOMAIN_ERROR;
        }
        if (!changed && raw instanceof String s) {
            return s;
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00A0';
    }
}
