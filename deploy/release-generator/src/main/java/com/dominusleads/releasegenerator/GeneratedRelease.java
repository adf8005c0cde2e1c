package com.dominusleads.releasegenerator;

import java.util.Map;

/**
 * What a {@link ReleaseGenerator} wrote: rows of each big kind and the rows of every zip, by zip name
 * ({@code Estabelecimentos0.zip} …, lookups included), in {@code RfFileKind.allZipNames()} order.
 */
public record GeneratedRelease(long establishments, long companies, long partners, long simples,
                               Map<String, Long> rowsPerFile) {

    public GeneratedRelease {
        rowsPerFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerFile));
    }

    /** Rows of every file together. */
    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
