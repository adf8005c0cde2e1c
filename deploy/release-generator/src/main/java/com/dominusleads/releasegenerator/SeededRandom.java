package com.dominusleads.releasegenerator;

/**
 * SplitMix64, written out rather than {@link java.util.SplittableRandom} so that a seed gives the same release on
 * every JDK: the output is a published fixture, not just a test input.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SeededRandom(long seed) {
        this.state = mix(seed ^ 0x5DEECE66DL);
    }

    /** The SplitMix64 finaliser: a good 64-bit hash on its own, used for the fixed (seed-free) orderings too. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound), bound ≥ 1 (multiply-shift: the bias is below 2^-32, irrelevant here). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to], both inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** n random decimal digits (leading zeros kept), n ≤ 18. */
    long digits(int n) {
        long bound = 1;
        for (int i = 0; i < n; i++) {
            bound *= 10;
        }
        return Long.remainderUnsigned(nextLong(), bound);
    }
}
