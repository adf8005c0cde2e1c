package com.dominusleads.servicekit.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host API key as its holder sees it: {@code dlk_<key id>_<secret>}. The id finds the key; only the SHA-256 of the
 * 256-bit random secret is stored (a slow hash adds nothing to a secret that cannot be guessed), compared in constant
 * time. The {@code dlk_} prefix tells the services' authentication (and secret scanners) what it is, and keeps these
 * keys apart from the static keys internal callers send to the directory and the gateway.
 */
public record HostApiKey(UUID id, String secret) {

    public static final String PREFIX = "dlk_";
    private static final Pattern FORMAT = Pattern.compile(
            "dlk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static HostApiKey generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new HostApiKey(UUID.randomUUID(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key in {@code value}, if it has the shape of one. */
    public static Optional<HostApiKey> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        return Optional.of(new HostApiKey(id, matcher.group(2)));
    }

    /** Whether {@code value} looks like a host API key (the services' mechanism handles it, nothing else). */
    public static boolean looksLikeOne(String value) {
        return value != null && value.strip().startsWith(PREFIX);
    }

    /** What the holder sends in {@code X-API-KEY}. */
    public String value() {
        return PREFIX + id.toString().replace("-", "") + "_" + secret;
    }

    /** What is stored: the secret's SHA-256. */
    public byte[] secretHash() {
        return sha256(secret);
    }

    /** The first characters, shown in listings so that an operator can tell keys apart. */
    public String displayPrefix() {
        return value().substring(0, PREFIX.length() + 8);
    }

    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(storedHash, secretHash());
    }

    /** A stable cache key for the whole key value that is not the value itself. */
    public String fingerprint() {
        return HexFormat.of().formatHex(sha256(value()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "HostApiKey[" + displayPrefix() + "…]";  // never the secret, in logs or exceptions
    }
}
