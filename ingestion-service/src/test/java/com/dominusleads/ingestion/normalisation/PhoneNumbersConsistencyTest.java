package com.dominusleads.ingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the verdict cache of {@link PhoneNumbers}: over every DDD 00–99 × every leading two digits × 8 and
 * 9 digits, with random tails and the extreme tails, the cached class must answer exactly like (a) an oracle that
 * applies the documented rules and asks libphonenumber through its ordinary string parser, and (b) the same class with
 * the cache switched off.
 */
class PhoneNumbersConsistencyTest {

    /** Anatel's assigned area codes (Plano de Numeração), independent of libphonenumber. */
    static final Set<Integer> ANATEL_DDDS = Set.of(
            11, 12, 13, 14, 15, 16, 17, 18, 19,
            21, 22, 24, 27, 28,
            31, 32, 33, 34, 35, 37, 38,
            41, 42, 43, 44, 45, 46, 47, 48, 49,
            51, 53, 54, 55,
            61, 62, 63, 64, 65, 66, 67, 68, 69,
            71, 73, 74, 75, 77, 79,
            81, 82, 83, 84, 85, 86, 87, 88, 89,
            91, 92, 93, 94, 95, 96, 97, 98, 99);

    private static final int RANDOM_TAILS = 5;
    private static final PhoneUtilOracle ORACLE = new PhoneUtilOracle();

    private static final PhoneNumbers CACHED = new PhoneNumbers();

    /** (ddd, number) samples: all DDDs × all 2-digit prefixes × lengths 8, 9 × (min, max, random) tails. */
    private static List<String[]> samples(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> samples = new ArrayList<>();
        for (int ddd = 0; ddd <= 99; ddd++) {
            for (int length = 8; length <= 9; length++) {
                int tailRange = length == 8 ? 1_000_000 : 10_000_000;
                for (int prefix = 0; prefix <= 99; prefix++) {
                    for (int t = 0; t < RANDOM_TAILS + 2; t++) {
                        int tail = t == 0 ? 0 : t == 1 ? tailRange - 1 : random.nextInt(tailRange);
                        String number = String.format("%02d%0" + (length - 2) + "d", prefix, tail);
                        samples.add(new String[] {String.format("%02d", ddd), number});
                    }
                }
            }
        }
        return samples;
    }

    @Test
    void cachedVerdictsEqualLibphonenumberParsing() {
        long seed = System.nanoTime();
        List<String[]> samples = samples(seed);
        int accepted = 0;
        for (String[] sample : samples) {
            String actual = outcome(CACHED, sample[0], sample[1]);
            String expected = ORACLE.outcome(sample[0], sample[1]);
            assertThat(actual).as("seed %d ddd %s number %s", seed, sample[0], sample[1]).isEqualTo(expected);
            if (actual.startsWith("+")) {
                accepted++;
            }
        }
        // Guard against a vacuous pass: a good share must be real numbers.
        assertThat(accepted).isGreaterThan(samples.size() / 5);
    }

    @Test
    void cachedPathEqualsUncachedPath() {
        long seed = System.nanoTime();
        PhoneNumbers uncached = new PhoneNumbers(false);
        for (String[] sample : samples(seed)) {
            assertThat(outcome(CACHED, sample[0], sample[1]))
                    .as("seed %d ddd %s number %s", seed, sample[0], sample[1])
                    .isEqualTo(outcome(uncached, sample[0], sample[1]));
        }
    }

    @Test
    void currentMetadataNeedsNoUncachedKeys() {
        // Not a correctness requirement (such keys fall back to libphonenumber), but a metadata upgrade that splits
        // ranges inside a key would silently cost speed: make it visible.
        assertThat(CACHED.uncachedKeys()).isZero();
    }

    @Test
    void libphonenumberAreaCodesAreAnatels() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int ddd = 10; ddd <= 99; ddd++) {
            PhoneNumber landline = new PhoneNumber().setCountryCode(55).setNationalNumber(ddd * 100_000_000L + 33_334_444L);
            PhoneNumber mobile = new PhoneNumber().setCountryCode(55).setNationalNumber(ddd * 1_000_000_000L + 987_654_321L);
            assertThat(util.getNumberType(landline) == PhoneNumberType.FIXED_LINE).as("ddd %d", ddd)
                    .isEqualTo(ANATEL_DDDS.contains(ddd));
            assertThat(util.getNumberType(mobile) == PhoneNumberType.MOBILE).as("ddd %d", ddd)
                    .isEqualTo(ANATEL_DDDS.contains(ddd));
        }
    }

    static String outcome(PhoneNumbers phones, String ddd, String number) {
        try {
            Phone phone = phones.normalise(ddd, number);
            return phone == null ? "null" : phone.e164() + " " + phone.type() + " " + phone.ninthDigitAdded();
        } catch (InvalidPhoneException e) {
            return e.reason();
        }
    }

    /** The documented rules for a 2-digit DDD and an 8/9-digit number, spelled out naively over strings. */
    static final class PhoneUtilOracle {
        private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

        String outcome(String ddd, String number) {
            if (number.chars().allMatch(c -> c == '0')) {
                return "placeholder_number";
            }
            if (ddd.equals("00")) {
                return "missing_ddd";
            }
            if (ddd.charAt(0) == '0') {
                return "invalid_ddd"; // one significant digit
            }
            String last8 = number.substring(number.length() - 8);
            if (last8.chars().allMatch(c -> c == last8.charAt(0))) {
                return "placeholder_number";
            }
            char lead = number.charAt(0);
            String subscriber;
            boolean ninth = false;
            if (number.length() == 8 && lead >= '6') {
                subscriber = "9" + number;
                ninth = true;
            } else if (number.length() == 8 && lead >= '2') {
                subscriber = number;
            } else if (number.length() == 9 && lead == '9') {
                subscriber = number;
            } else {
                return invalidReason(ddd);
            }
            String e164 = "+55" + ddd + subscriber;
            PhoneNumberType type;
            try {
                PhoneNumber parsed = util.parse(e164, "ZZ");
                type = util.isValidNumber(parsed) ? util.getNumberType(parsed) : PhoneNumberType.UNKNOWN;
            } catch (NumberParseException e) {
                throw new AssertionError(e164, e);
            }
            boolean mobileShape = subscriber.length() == 9;
            PhoneType result = switch (type) {
                case MOBILE -> mobileShape ? PhoneType.MOBILE : null;
                case FIXED_LINE -> mobileShape ? null : PhoneType.LANDLINE;
                case FIXED_LINE_OR_MOBILE -> mobileShape ? PhoneType.MOBILE : PhoneType.LANDLINE;
                default -> null;
            };
            if (result == null) {
                return invalidReason(ddd);
            }
            return Objects.requireNonNull(e164) + " " + result + " " + ninth;
        }

        private static String invalidReason(String ddd) {
            return ANATEL_DDDS.contains(Integer.parseInt(ddd)) ? "invalid_number" : "invalid_ddd";
        }
    }
}
