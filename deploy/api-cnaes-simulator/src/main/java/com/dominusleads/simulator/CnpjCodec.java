package com.dominusleads.simulator;

import com.dominusleads.events.Cnpj;
import com.dominusleads.releasegenerator.SeededRandom;

/**
 * The bijection between a numeric CNPJ's 12 base digits and what the simulator derives from them first: the company's
 * principal CNAE, municipality and size category, plus an ordinal. This is what lets a search hand out CNPJs whose
 * documents match its filters while {@code GET /companies/{cnpj}} derives the same document from the CNPJ alone.
 * <p>
 * The tuple is packed into one number below 10^12 (mixed radix: CNAE, municipality, category, ordinal), then
 * scrambled by a seeded four-round Feistel network over two halves of 6 decimal digits, so that CNPJs look random
 * and a different seed gives a different world. Every 12-digit base decodes to some tuple, so every valid numeric CNPJ
 * has a document; alphanumeric ones (issued since July 2026) are hashed onto the same space instead.
 */
final class CnpjCodec {

    static final long SPACE = 1_000_000_000_000L;
    private static final long HALF = 1_000_000L;
    private static final int ROUNDS = 4;

    /** Size categories: 0 não informado, 1 ME, 2 ME that is a MEI, 3 EPP, 4 demais. */
    static final int CATEGORIES = 5;

    private final long[] roundKeys = new long[ROUNDS];
    private final long seed;
    private final int cnaeCount;
    private final int municipalityCount;
    /** Ordinals per (CNAE, municipality, category): how many distinct companies a search may list. */
    final int ordinals;

    CnpjCodec(long seed, int cnaeCount, int municipalityCount) {
        this.seed = seed;
        this.cnaeCount = cnaeCount;
        this.municipalityCount = municipalityCount;
        for (int i = 0; i < ROUNDS; i++) {
            roundKeys[i] = SeededRandom.mix(seed * 31 + 0x1F3D5B79L * (i + 1));
        }
        this.ordinals = (int) Math.min(Integer.MAX_VALUE, SPACE / ((long) cnaeCount * municipalityCount * CATEGORIES));
    }

    /** What a CNPJ base is derived from. */
    record Tuple(int cnaeIndex, int municipalityIndex, int category, long ordinal) {
    }

    long pack(Tuple t) {
        return ((t.ordinal() * CATEGORIES + t.category()) * municipalityCount + t.municipalityIndex()) * cnaeCount
                + t.cnaeIndex();
    }

    Tuple unpack(long x) {
        int cnae = (int) (x % cnaeCount);
        x /= cnaeCount;
        int municipality = (int) (x % municipalityCount);
        x /= municipalityCount;
        int category = (int) (x % CATEGORIES);
        return new Tuple(cnae, municipality, category, x / CATEGORIES);
    }

    /** The CNPJ whose base is the scrambled {@code x}; empty-handed (null) in the rare case that is no valid CNPJ. */
    Cnpj cnpj(long x) {
        String base = String.format("%012d", scramble(x));
        try {
            return Cnpj.withCheckDigits(base);
        } catch (IllegalArgumentException e) {
            return null; // one character 14 times: not a CNPJ
        }
    }

    /** The packed tuple behind {@code cnpj}. */
    long packedOf(Cnpj cnpj) {
        String base = cnpj.value().substring(0, 12);
        for (int i = 0; i < 12; i++) {
            char c = base.charAt(i);
            if (c < '0' || c > '9') {
                return Long.remainderUnsigned(SeededRandom.hash(seed ^ 0x41A7L, base), SPACE);
            }
        }
        return unscramble(Long.parseLong(base));
    }

    private long round(int i, long half) {
        return Long.remainderUnsigned(SeededRandom.mix(roundKeys[i] ^ half), HALF);
    }

    long scramble(long x) {
        long left = x / HALF;
        long right = x % HALF;
        for (int i = 0; i < ROUNDS; i++) {
            long next = (left + round(i, right)) % HALF;
            left = right;
            right = next;
        }
        return left * HALF + right;
    }

    long unscramble(long y) {
        long left = y / HALF;
        long right = y % HALF;
        for (int i = ROUNDS - 1; i >= 0; i--) {
            long previous = Math.floorMod(right - round(i, left), HALF);
            right = left;
            left = previous;
        }
        return left * HALF + right;
    }
}
