package com.dominusleads.providersimulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * What {@code GET /instance/connect/{instance}} shows while an instance is not paired: the QR payload ({@code code},
 * "2@…" like Baileys'), an 8-character pairing code when a number was given, and a PNG (as a data URL) that looks
 * like a QR code. The image is not scannable: pairing is an admin action ({@code POST
 * /_simulator/evolution/{instance}/pair}), the simulated phone having "scanned" it.
 */
record PairingCode(String code, String pairingCode, String base64) {

    private static final int MODULES = 29;
    private static final int SCALE = 6;

    static PairingCode fresh(boolean withPairingCode) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] ref = new byte[24];
        random.nextBytes(ref);
        String code = "2@" + Base64.getEncoder().encodeToString(ref) + "," + randomBase64(32) + ","
                + randomBase64(32) + "," + randomBase64(16);
        String pairing = null;
        if (withPairingCode) {
            String alphabet = "ABCDEFGHJKLMNPQRSTVWXYZ123456789";
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                p.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            pairing = p.toString();
        }
        return new PairingCode(code, pairing, "data:image/png;base64," + image(code.hashCode()));
    }

    private static String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String image(int seed) {
        int size = (MODULES + 8) * SCALE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        java.util.Random modules = new java.util.Random(seed);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int my = 0; my < MODULES; my++) {
            for (int mx = 0; mx < MODULES; mx++) {
                boolean dark = finder(mx, my) != null ? finder(mx, my) : modules.nextBoolean();
                if (dark) {
                    for (int y = 0; y < SCALE; y++) {
                        for (int x = 0; x < SCALE; x++) {
                            image.setRGB((mx + 4) * SCALE + x, (my + 4) * SCALE + y, 0);
                        }
                    }
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The three corner squares every QR code has: dark, light or (null) not part of one. */
    private static Boolean finder(int x, int y) {
        int[][] corners = {{0, 0}, {MODULES - 7, 0}, {0, MODULES - 7}};
        for (int[] c : corners) {
            int dx = x - c[0];
            int dy = y - c[1];
            if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) {
                if (dx == -1 || dy == -1 || dx == 7 || dy == 7) {
                    return false;
                }
                int ring = Math.min(Math.min(dx, dy), Math.min(6 - dx, 6 - dy));
                return ring != 1;
            }
        }
        return null;
    }
}
