package com.dominusleads.directory;

import java.util.List;

/** The 27 federative units, plus EX: how the Receita marks establishments abroad. The establishment partitions. */
public final class Ufs {

    public static final String ABROAD = "EX";
    public static final List<String> ALL = List.of("AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG",
            "MS", "MT", "PA", "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO", ABROAD);

    private Ufs() {
    }

    /** The UF in two ASCII bytes, or null when they are not one of {@link #ALL}. Interned: compared by identity. */
    public static String of(byte first, byte second) {
        for (String uf : ALL) {
            if (uf.charAt(0) == first && uf.charAt(1) == second) {
                return uf;
            }
        }
        return null;
    }
}
