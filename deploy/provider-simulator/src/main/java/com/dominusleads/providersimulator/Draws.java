package com.dominusleads.providersimulator;

import java.nio.charset.StandardCharsets;

/**
 * Seeded, stateless draws in [0, 1): the same seed and key give the same number on every run and every JDK. Keys
 * name what is drawn for whom (e.g. {@code outcome|+5511999990001|3}), so the outcome of a contact's third send does
 * not depend on how sends to other contacts interleave with it. (SplitMix64's finaliser over FNV-1a, as the release
 * generator does; written out here so that the simulator, which messaging-service tests put on their classpath, does
 * not bring the generator's dependencies along.)
 */
final class Draws {

    private final long seed;

    Draws(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1) fixed by the seed and {@code key}. */
    double unit(String key) {
        long h = 0xCBF29CE484222325L ^ mix(seed);
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return (mix(h) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
