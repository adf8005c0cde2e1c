package com.dominusleads.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Comparison of secrets a webhook presents with ours, in time that does not depend on where they differ: an ordinary
 * {@code equals} returns at the first wrong character and lets a caller guess a secret one character at a time.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** True when both are present and equal; {@link MessageDigest#isEqual} leaks only the lengths. */
    public static boolean equal(byte[] expected, byte[] presented) {
        return expected != null && presented != null && MessageDigest.isEqual(expected, presented);
    }

    /** As {@link #equal(byte[], byte[])}, for texts (compared as UTF-8). */
    public static boolean equal(String expected, String presented) {
        return expected != null && presented != null
                && equal(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
