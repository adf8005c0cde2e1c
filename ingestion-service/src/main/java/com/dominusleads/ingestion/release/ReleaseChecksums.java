package com.dominusleads.ingestion.release;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The expected SHA-256 of a release zip, when its publisher provides one in a file beside the zips. Two conventions,
 * both as written by coreutils {@code sha256sum}:
 * <ul>
 *   <li>{@code <name>.sha256} (e.g. {@code Empresas0.zip.sha256}): its first token is the hex digest;</li>
 *   <li>{@code SHA256SUMS}: lines of {@code <hex>  <name>} ({@code <hex> *<name>} in binary mode).</li>
 * </ul>
 * The per-file one wins. The Receita Federal publishes neither as far as we know; mirrors may. Checksums are files,
 * not response headers, because a header describes one response, and a resumed download is several.
 */
final class ReleaseChecksums {

    static final String SUMS_FILE = "SHA256SUMS";
    static final String SIDECAR_SUFFIX = ".sha256";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** Reads a file beside the zips; empty when there is none. */
    @FunctionalInterface
    interface SiblingReader {
        Optional<String> read(String fileName) throws IOException;
    }

    private final SiblingReader siblings;
    private Map<String, String> sums; // lower-case file name → hex, read once per source

    ReleaseChecksums(SiblingReader siblings) {
        this.siblings = siblings;
    }

    /** The expected lower-case hex SHA-256 of {@code name}, if published. */
    Optional<String> sha256(String name) throws IOException {
        Optional<String> sidecar = siblings.read(name + SIDECAR_SUFFIX);
        if (sidecar.isPresent()) {
            String token = sidecar.get().strip().split("\\s+", 2)[0];
            if (!SHA256_HEX.matcher(token).matches()) {
                throw new ReleaseFileException(name + SIDECAR_SUFFIX,
                        "does not start with a SHA-256 hex digest (64 hex digits) but with '" + abbreviate(token)
                                + "'; fix or remove the checksum file");
            }
            return Optional.of(token.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(sums().get(ReleaseNames.lower(name)));
    }

    private synchronized Map<String, String> sums() throws IOException {
        if (sums == null) {
            sums = siblings.read(SUMS_FILE).map(ReleaseChecksums::parseSums).orElse(Map.of());
        }
        return sums;
    }

    /** Lines that are not {@code <hex> <name>} are skipped; names may carry a directory, which is ignored. */
    static Map<String, String> parseSums(String text) {
        Map<String, String> byName = new HashMap<>();
        for (String line : text.split("\\R")) {
            String[] parts = line.strip().split("\\s+", 2);
            if (parts.length == 2 && SHA256_HEX.matcher(parts[0]).matches()) {
                String name = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
                name = name.substring(name.lastIndexOf('/') + 1);
                byName.put(ReleaseNames.lower(name), parts[0].toLowerCase(Locale.ROOT));
            }
        }
        return byName;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
