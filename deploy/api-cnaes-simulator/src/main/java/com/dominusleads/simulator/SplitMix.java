package com.dominusleads.simulator;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64, written out (not {@link java.util.SplittableRandom}) so that a seed gives the same companies and the
 * same fault sequence on every JDK, plus the hashes that tie a document to its CNPJ and a page to its query.
 */
final class SplitMix {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix(long seed) {
        this.state = mix(seed ^ 0x5DEECE66DL);
    }

    /** The SplitMix64 finaliser: a good 64-bit hash of one long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of {@code text} (FNV-1a over its UTF-8 bytes, then mixed) under {@code key}. */
    static long hash(long key, String text) {
        long h = 0xCBF29CE484222325L ^ mix(key);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** {@code h} as a double in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound), bound ≥ 1. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return unit(nextLong());
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** Index into {@code weights} chosen in proportion to the weights (all ≥ 0, at least one > 0). */
    int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("no positive weight");
    }

    /** n random decimal digits, leading zeros kept. */
    String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + nextInt(10)));
        }
        return s.toString();
    }
}
