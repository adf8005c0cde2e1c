package com.dominusleads.releasegenerator;

/**
 * The 8-character CNPJ root (cnpj_basico) of the n-th company: unique without remembering any, because each is a
 * bijection of the company counter. Numeric roots are a 4-round Feistel permutation of [0, 10^8); alphanumeric roots
 * one of [0, 36^8) restricted by cycle walking to roots holding at least one letter, so the two sets never meet.
 * The round keys come from the seed: another seed, other roots.
 */
final class CompanyRoots {

    private static final int ROUNDS = 4;
    private static final long NUMERIC_HALF = 10_000L;            // 10^8 = 10^4 × 10^4
    private static final long ALPHANUMERIC_HALF = 1_679_616L;    // 36^8 = 36^4 × 36^4
    private static final long LETTER_FIRST = 10L * 78_364_164_096L; // 'A' followed by seven base-36 digits (36^7)

    private final long[] numericKeys = new long[ROUNDS];
    private final long[] alphanumericKeys = new long[ROUNDS];

    CompanyRoots(long seed) {
        SeededRandom keys = new SeededRandom(seed ^ 0x726F6F7473L);
        for (int i = 0; i < ROUNDS; i++) {
            numericKeys[i] = keys.nextLong();
            alphanumericKeys[i] = keys.nextLong();
        }
    }

    /** Eight digits; distinct for distinct {@code index} in [0, 10^8). */
    String numeric(long index) {
        if (index < 0 || index >= NUMERIC_HALF * NUMERIC_HALF) {
            throw new IllegalArgumentException("numeric root index out of range: " + index);
        }
        long root = permute(index, NUMERIC_HALF, numericKeys);
        char[] chars = new char[8];
        for (int i = 7; i >= 0; i--) {
            chars[i] = (char) ('0' + root % 10);
            root /= 10;
        }
        return new String(chars);
    }

    /** Eight characters of [0-9A-Z] with at least one letter; distinct for distinct {@code index} below 36^7. */
    String alphanumeric(long index) {
        if (index < 0 || index >= LETTER_FIRST / 10) {
            throw new IllegalArgumentException("alphanumeric root index out of range: " + index);
        }
        // The input already holds a letter (its first character is 'A'), so walking the permutation's cycle until
        // the next value with a letter is a bijection of the letter-holding roots: distinct inputs, distinct roots.
        long value = LETTER_FIRST + index;
        do {
            value = permute(value, ALPHANUMERIC_HALF, alphanumericKeys);
        } while (allDigits(value));
        char[] chars = new char[8];
        for (int i = 7; i >= 0; i--) {
            int digit = (int) (value % 36);
            chars[i] = (char) (digit < 10 ? '0' + digit : 'A' + digit - 10);
            value /= 36;
        }
        return new String(chars);
    }

    private static boolean allDigits(long base36) {
        for (int i = 0; i < 8; i++) {
            if (base36 % 36 >= 10) {
                return false;
            }
            base36 /= 36;
        }
        return true;
    }

    /** A balanced Feistel network over [0, half²): each round maps (l, r) to (r, l + F(r) mod half), invertible. */
    private static long permute(long value, long half, long[] keys) {
        long left = value / half;
        long right = value % half;
        for (long key : keys) {
            long next = (left + Long.remainderUnsigned(SeededRandom.mix(key ^ (right * 0x9E3779B97F4A7C15L)), half)) % half;
            left = right;
            right = next;
        }
        return left * half + right;
    }
}
