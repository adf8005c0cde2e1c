package com.dominusleads.ingestion.normalisation;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;

/**
 * Normalises the RF Estabelecimentos phone field pairs (DDD, number) into E.164 Brazilian numbers. Thread-safe and
 * immutable after construction; build one instance and share it (construction loads libphonenumber's metadata and
 * classifies 18 000 sample numbers: ~0.2 s). Measured ~90 ns per call on a realistic RF mix, ~150 ns for rejects.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Spaces, tabs, NBSP, {@code . - ( )} are ignored in both fields; any other non-digit makes the field invalid.
 *   <li>The DDD may carry leading zeros ({@code "061"}, {@code " 61"}); a DDD of only zeros counts as blank.
 *   <li>If the number field has 10–11 digits (optionally after a national trunk prefix {@code 0}) it carries its own
 *       DDD; that is unambiguous because Brazilian subscriber numbers have at most 9 digits. A DDD field that is also
 *       filled must then agree with it.
 *   <li>8 digits starting 6–9: a mobile from before the Anatel ninth-digit migration (finished 2016) &rarr; prefixed
 *       with 9. 8 digits starting 2–5: landline. 9 digits: must start with 9. Subscribers starting 0/1 are invalid.
 *   <li>Subscribers whose last eight digits are one repeated digit (00000000, 99999999, 33333333, and 999999999 too)
 *       are RF fillers, not phones: rejected although libphonenumber would accept most of them.
 *   <li>The result must be valid for libphonenumber with the type its shape promises: MOBILE for 9 digits,
 *       FIXED_LINE for 8; FIXED_LINE_OR_MOBILE (not used by the BR metadata today) is resolved by the shape. Other
 *       valid types (toll-free 0800, premium, shared-cost 4004/3003) are rejected: the RF fields cannot express them
 *       and {@code "30" + "3xxxxxxx"} parsing as shared-cost is an accident of a non-existent DDD 30.
 * </ul>
 * A blank number field yields {@code null} (no phone), whatever the DDD field holds: a lone DDD loses nothing.
 *
 * <h2>Why exceptions, and why they are cheap</h2>
 * The checked {@link InvalidPhoneException} makes the "present but bad" outcome impossible to ignore and carries a
 * reason for the caller's drop counters, while {@code null} stays reserved for "no phone". Because bad phones are
 * frequent and the caller drops them (it never quarantines the row), the exceptions are shared immutable instances
 * without stack trace: a throw allocates nothing.
 *
 * <h2>Why a cache, and why its key is sufficient</h2>
 * Asking libphonenumber ({@code isValidNumber} + {@code getNumberType}) costs ~2 µs per number even with a
 * pre-built {@link PhoneNumber} (regex matching over the number-type patterns; ~10 µs via {@code parse}): with three
 * phones per row that alone is ~30 % of a 2-core machine loading 100 k rows/s. The answer is therefore precomputed per
 * key
 * (subscriber length 8|9, DDD, first two subscriber digits) into a 20 kB table. The BR metadata of libphonenumber
 * 9.0.19 reads (national significant numbers):
 * <pre>
 * fixedLine   (?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])[2-5]\d{7}
 * mobile      (?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])(?:7|9\d)\d{7}
 * tollFree    800\d{6,7}          premiumRate [59]00\d{6,7}
 * sharedCost  (?:30[03]\d{3}|4(?:0(?:0\d|20)|370|864))\d{4}|300\d{5}
 * generalDesc [1-467]\d{9,10}|55[0-46-9]\d{8}|[34]\d{7}|55\d{7,8}|(?:5[0-46-9]|[89]\d)\d{7,9}
 * </pre>
 * Every alternative is a literal/character-class prefix of at most three digits followed by {@code \d{k}}, so the
 * verdict for a 10–11 digit national number depends only on its length and first three digits, i.e. the DDD and the
 * first subscriber digit. The key keeps one more digit as headroom for future metadata that splits a range at the
 * second subscriber digit. Two further guards against a metadata upgrade breaking the argument: construction
 * classifies four spread-out numbers per key and marks the key uncacheable (per-number libphonenumber call) if they
 * disagree; and {@code PhoneNumbersConsistencyTest} compares this class with plain libphonenumber parsing over every
 * DDD × leading-two-digit combination with random tails.
 */
public final class PhoneNumbers {

    private static final int COUNTRY_CODE = 55;

    static final byte INVALID = 0;
    static final byte MOBILE = 1;
    static final byte LANDLINE = 2;
    static final byte UNCACHED = 3;

    private static final int DDD_ABSENT = -1;
    private static final int DDD_MALFORMED = -2;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    /** Verdict per (subscriber length 8|9, DDD 0..99, first two subscriber digits 0..99); see {@link #index}. */
    private final byte[] verdicts = new byte[2 * 100 * 100];
    /** DDDs for which libphonenumber accepts some mobile or landline: labels a rejection invalid_ddd vs invalid_number. */
    private final boolean[] assignedDdd = new boolean[100];

    public PhoneNumbers() {
        this(true);
    }

    /** @param cache {@code false} sends every number to libphonenumber (tests compare both paths) */
    PhoneNumbers(boolean cache) {
        for (int length = 8; length <= 9; length++) {
            long tailRange = POW10[length - 2];
            long[] tails = {0, tailRange - 1, tailRange / 3, tailRange * 7 / 11};
            // Only shapes that survive the structural rules are ever looked up: 8 digits 2x–5x, 9 digits 9x.
            int firstPrefix = length == 8 ? 20 : 90;
            int lastPrefix = length == 8 ? 59 : 99;
            for (int ddd = 10; ddd <= 99; ddd++) {
                for (int prefix = firstPrefix; prefix <= lastPrefix; prefix++) {
                    long base = ddd * POW10[length] + prefix * tailRange;
                    byte agreed = -1;
                    for (long tail : tails) {
                        byte verdict = classifyUncached(base + tail, length);
                        if (verdict != INVALID) {
                            assignedDdd[ddd] = true;
                        }
                        agreed = agreed == -1 || agreed == verdict ? verdict : UNCACHED;
                    }
                    verdicts[index(length, ddd, prefix)] = cache ? agreed : UNCACHED;
                }
            }
        }
    }

    /**
     * Normalises one RF phone.
     *
     * @param ddd    the DDD field, may be {@code null}, blank or zero-padded
     * @param number the number field, may be {@code null} or blank, may contain separators or an embedded DDD
     * @return the normalised number, or {@code null} when the number field is blank (no phone)
     * @throws InvalidPhoneException when a number is present but unusable; see its constants for the reasons
     */
    public Phone normalise(CharSequence ddd, CharSequence number) throws InvalidPhoneException {
        long value = 0;
        int digits = 0;
        int firstDigit = -1;
        if (number != null) {
            for (int i = 0, n = number.length(); i < n; i++) {
                char c = number.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (digits == 0) {
                        firstDigit = c - '0';
                    }
                    if (digits < 18) { // more digits are rejected below anyway; stop before long overflow
                        value = value * 10 + (c - '0');
                    }
                    digits++;
                } else if (!isSeparator(c)) {
                    throw InvalidPhoneException.INVALID_NUMBER_ERROR;
                }
            }
        }
        if (digits == 0) {
            return null;
        }
        if (value == 0) {
            throw InvalidPhoneException.PLACEHOLDER_NUMBER_ERROR;
        }
        if (firstDigit == 0 && (digits == 11 || digits == 12)) {
            digits--; // national trunk prefix "0" before an embedded DDD; the value is unaffected
        }
        int areaCode = parseDdd(ddd);
        int length; // subscriber length
        long subscriber;
        if (digits == 8 || digits == 9) {
            if (areaCode < 0) {
                throw areaCode == DDD_ABSENT
                        ? InvalidPhoneException.MISSING_DDD_ERROR
                        : InvalidPhoneException.INVALID_DDD_ERROR;
            }
            length = digits;
            subscriber = value;
        } else if (digits == 10 || digits == 11) {
            length = digits - 2;
            int embedded = (int) (value / POW10[length]);
            if (embedded < 10 || areaCode == DDD_MALFORMED) {
                throw InvalidPhoneException.INVALID_DDD_ERROR;
            }
            if (areaCode != DDD_ABSENT && areaCode != embedded) {
                throw InvalidPhoneException.DDD_MISMATCH_ERROR;
            }
            areaCode = embedded;
            subscriber = value - embedded * POW10[length];
        } else {
            throw InvalidPhoneException.INVALID_LENGTH_ERROR;
        }
        // An 8-digit number d×11111111 is d repeated; checked on the last eight digits so 999999999 is caught too.
        if (subscriber % 100_000_000L % 11_111_111L == 0) {
            throw InvalidPhoneException.PLACEHOLDER_NUMBER_ERROR;
        }
        int leading = (int) (subscriber / POW10[length - 1]);
        boolean ninthDigitAdded = false;
        if (length == 8) {
            if (leading >= 6) {
                subscriber += 900_000_000L;
                length = 9;
                ninthDigitAdded = true;
            } else if (leading < 2) {
                throw invalid(areaCode);
            }
        } else if (leading != 9) {
            throw invalid(areaCode);
        }
        int tail = (int) subscriber; // < 10^9, fits
        int prefix = (int) (tail / POW10[length - 2]);
        byte verdict = verdicts[index(length, areaCode, prefix)];
        if (verdict == UNCACHED) {
            verdict = classifyUncached(areaCode * POW10[length] + tail, length);
        }
        if (verdict == INVALID) {
            throw invalid(areaCode);
        }
        return new Phone(e164(areaCode, tail, length),
                verdict == MOBILE ? PhoneType.MOBILE : PhoneType.LANDLINE, ninthDigitAdded);
    }

    /** Names the DDD as the culprit when no mobile or landline exists under it, whatever else is wrong. */
    private InvalidPhoneException invalid(int areaCode) {
        return assignedDdd[areaCode] ? InvalidPhoneException.INVALID_NUMBER_ERROR
                : InvalidPhoneException.INVALID_DDD_ERROR;
    }

    /** Number of keys whose sampled verdicts disagreed, so each such number goes to libphonenumber (0 today). */
    int uncachedKeys() {
        int count = 0;
        for (int length = 8; length <= 9; length++) {
            for (int ddd = 10; ddd <= 99; ddd++) {
                for (int prefix = length == 8 ? 20 : 90; prefix <= (length == 8 ? 59 : 99); prefix++) {
                    if (verdicts[index(length, ddd, prefix)] == UNCACHED) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** libphonenumber's verdict for 55 + nationalNumber, mapped to what a subscriber of this length must be. */
    byte classifyUncached(long nationalNumber, int subscriberLength) {
        PhoneNumber phone = new PhoneNumber().setCountryCode(COUNTRY_CODE).setNationalNumber(nationalNumber);
        if (!util.isValidNumber(phone)) {
            return INVALID;
        }
        return switch (util.getNumberType(phone)) {
            case MOBILE -> subscriberLength == 9 ? MOBILE : INVALID;
            case FIXED_LINE -> subscriberLength == 8 ? LANDLINE : INVALID;
            case FIXED_LINE_OR_MOBILE -> subscriberLength == 9 ? MOBILE : LANDLINE;
            default -> INVALID; // toll-free, premium, shared-cost, VoIP, ...: not a subscriber line of RF's format
        };
    }

    private static int index(int subscriberLength, int ddd, int prefix) {
        return ((subscriberLength - 8) * 100 + ddd) * 100 + prefix;
    }

    /** @return the DDD 10..99, {@link #DDD_ABSENT} (blank or zeros) or {@link #DDD_MALFORMED} */
    private static int parseDdd(CharSequence ddd) {
        if (ddd == null) {
            return DDD_ABSENT;
        }
        int value = 0;
        int significant = 0;
        for (int i = 0, n = ddd.length(); i < n; i++) {
            char c = ddd.charAt(i);
            if (c >= '0' && c <= '9') {
                if (significant == 0 && c == '0') {
                    continue; // leading zero: "061", "0061"
                }
                if (++significant > 2) {
                    return DDD_MALFORMED;
                }
                value = value * 10 + (c - '0');
            } else if (!isSeparator(c)) {
                return DDD_MALFORMED;
            }
        }
        return significant == 0 ? DDD_ABSENT : significant == 1 ? DDD_MALFORMED : value;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t' || c == '\u00A0';
    }

    private static String e164(int ddd, int subscriber, int length) {
        byte[] text = new byte[5 + length];
        text[0] = '+';
        text[1] = '5';
        text[2] = '5';
        text[3] = (byte) ('0' + ddd / 10);
        text[4] = (byte) ('0' + ddd % 10);
        for (int i = 4 + length; i > 4; i--) {
            text[i] = (byte) ('0' + subscriber % 10);
            subscriber /= 10;
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }
}
