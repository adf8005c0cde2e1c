package com.dominusleads.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file a Receita Federal CNPJ release holds, each a zip with one CSV: ISO-8859-1, {@code ;}-separated,
 * every field quoted, no header. The four big kinds come split in ten numbered files; the lookups are single files of
 * {@code code;description}.
 */
public enum RfFileKind {
    ESTABELECIMENTOS("Estabelecimentos", 30, true),
    EMPRESAS("Empresas", 7, true),
    SOCIOS("Socios", 11, true),
    SIMPLES("Simples", 7, false),
    CNAES("Cnaes", 2, false),
    MOTIVOS("Motivos", 2, false),
    MUNICIPIOS("Municipios", 2, false),
    NATUREZAS("Naturezas", 2, false),
    PAISES("Paises", 2, false),
    QUALIFICACOES("Qualificacoes", 2, false);

    /** The numbered kinds come as {@code Name0.zip} … {@code Name9.zip}. */
    public static final int PARTS = 10;

    private final String baseName;
    private final int columns;
    private final boolean numbered;

    RfFileKind(String baseName, int columns, boolean numbered) {
        this.baseName = baseName;
        this.columns = columns;
        this.numbered = numbered;
    }

    public String baseName() {
        return baseName;
    }

    /** Fields per row. */
    public int columns() {
        return columns;
    }

    /** A two-column code → description table. */
    public boolean isLookup() {
        return columns == 2;
    }

    /** The zip names of this kind in a complete release, in load order. */
    public List<String> zipNames() {
        if (!numbered) {
            return List.of(baseName + ".zip");
        }
        List<String> names = new ArrayList<>(PARTS);
        for (int part = 0; part < PARTS; part++) {
            names.add(baseName + part + ".zip");
        }
        return names;
    }

    /** Every zip name of a complete release (37 files), lookups first. */
    public static List<String> allZipNames() {
        List<String> names = new ArrayList<>();
        for (RfFileKind kind : values()) {
            if (kind.isLookup()) {
                names.addAll(kind.zipNames());
            }
        }
        for (RfFileKind kind : values()) {
            if (!kind.isLookup()) {
                names.addAll(kind.zipNames());
            }
        }
        return names;
    }

    /** The kind of a release file named like {@code Estabelecimentos3.zip} or {@code Cnaes.zip} (case-insensitive). */
    public static Optional<RfFileKind> ofFileName(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".zip")) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - 4);
        for (RfFileKind kind : values()) {
            String base = kind.baseName.toLowerCase(java.util.Locale.ROOT);
            if (kind.numbered ? stem.matches(base + "[0-9]") : stem.equals(base)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
