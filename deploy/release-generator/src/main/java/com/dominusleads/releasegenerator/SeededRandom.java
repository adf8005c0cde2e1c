package com.dominusleads.releasegenerator;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64, written out rather than {@link java.util.SplittableRandom} so that a seed gives the same draws on every
 * JDK: the release generator's output is a published fixture, not just a test input, and the api-cnaes simulator's
 * companies and fault sequences must be the same for the same seed. Also the stateless hashes ({@link #mix},
 * {@link #hash}) that derive a seed or a fixed ordering from a key. Not thread-safe: one instance per sequence of draws.
 */
public final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A sequence of draws fixed by {@code seed}. */
    public SeededRandom(long seed) {
        this.state = mix(seed ^ 0x5DEECE66DL);
    }

    /** The SplitMix64 finaliser: a good 64-bit hash on its own, used for the fixed (seed-free) orderings too. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of {@code text} (FNV-1a over its UTF-8 bytes, then {@link #mix mixed}) under {@code key}. */
    public static long hash(long key, String text) {
        long h = 0xCBF29CE484222325L ^ mix(key);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** The top 53 bits of {@code h} as a double in [0, 1). */
    public static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound), bound ≥ 1 (multiply-shift: the bias is below 2^-32, irrelevant here). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to], both inclusive. */
    public int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return unit(nextLong());
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** One of {@code items} (not empty), uniformly. */
    public <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** n random decimal digits (leading zeros kept), n ≤ 18. */
    public long digits(int n) {
        long bound = 1;
        for (int i = 0; i < n; i++) {
            bound *= 10;
        }
        return Long.remainderUnsigned(nextLong(), bound);
    }

    /** {@link #digits(int) n random decimal digits} as text of exactly n characters, leading zeros written. */
    public String digitText(int n) {
        String text = Long.toString(digits(n));
        return "0".repeat(n - text.length()) + text;
    }
}
