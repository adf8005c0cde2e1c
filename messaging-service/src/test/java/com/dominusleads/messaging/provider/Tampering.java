package com.dominusleads.messaging.provider;

/** What an attacker who captured a signed webhook sends: its body with one byte changed. */
public final class Tampering {

    private Tampering() {
    }

    public static byte[] tampered(byte[] body) {
        byte[] copy = body.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
