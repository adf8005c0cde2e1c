package com.dominusleads.stack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Made-up secrets for local runs and tests: client secrets and API keys, and encryption keys. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 192 random bits, hex: a client secret or an API key. */
    public static String random() {
        return HexFormat.of().formatHex(bytes(24));
    }

    /** 256 random bits, base64: an AES-256 key (messaging-service's provider credentials at rest). */
    public static String encryptionKey() {
        return Base64.getEncoder().encodeToString(bytes(32));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
