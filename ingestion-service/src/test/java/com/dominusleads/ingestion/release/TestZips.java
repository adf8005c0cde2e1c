package com.dominusleads.ingestion.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small zips shaped like RF ones: one entry of ';'-separated quoted text, random enough not to compress to nothing. */
final class TestZips {

    private TestZips() {
    }

    /** A zip of one CSV entry of about {@code textBytes} bytes (compressed to roughly half). */
    static byte[] release(String entryName, int textBytes, long seed) {
        return zip(new String[] {entryName}, text(textBytes, seed));
    }

    static byte[] zip(String[] entryNames, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : entryNames) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] text(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size + 100);
        while (text.length() < size) {
            text.append('"').append(10_000_000 + random.nextInt(90_000_000)).append("\";\"");
            for (int i = 0, n = 8 + random.nextInt(30); i < n; i++) {
                text.append((char) ('A' + random.nextInt(26)));
            }
            text.append("\";\"").append(random.nextInt(10_000)).append("\"\n");
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A copy with one byte inverted, in the middle of the compressed data. */
    static byte[] flipped(byte[] zip) {
        byte[] copy = zip.clone();
        copy[copy.length / 2] ^= (byte) 0xFF;
        return copy;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
