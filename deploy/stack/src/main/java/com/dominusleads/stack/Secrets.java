package com.dominusleads.stack;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Made-up secrets for local runs and tests (client secrets, API keys): 192 random bits, hex. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
