package com.dominusleads.simulator;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.CnaeCatalog;
import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public reference tables the synthetic companies are drawn from, indexed by position: CNAE subclasses in code
 * order and municipalities in IBGE-code order. A CNPJ issued by the simulator encodes these positions.
 */
final class Reference {

    /** The 27 federative units and EX (abroad), as the contract's {@code uf} accepts them. */
    static final List<String> UFS = List.of("AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT",
            "PA", "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO", "EX");

    static final Reference INSTANCE = new Reference();

    final List<Cnae> cnaes;
    final List<Municipality> municipalities;
    private final Map<Integer, Integer> cnaeIndex = new HashMap<>();
    private final Map<Integer, Integer> municipalityIndex = new HashMap<>();
    /** Positions in {@link #municipalities} of each UF's municipalities. */
    private final Map<String, int[]> byUf = new TreeMap<>();

    private Reference() {
        cnaes = CnaeCatalog.instance().all();
        for (int i = 0; i < cnaes.size(); i++) {
            cnaeIndex.put(cnaes.get(i).code(), i);
        }
        List<Municipality> sorted = new ArrayList<>(Municipalities.instance().all());
        sorted.sort(Comparator.comparingInt(Municipality::ibgeCode));
        municipalities = List.copyOf(sorted);
        Map<String, List<Integer>> positions = new TreeMap<>();
        for (int i = 0; i < municipalities.size(); i++) {
            municipalityIndex.put(municipalities.get(i).ibgeCode(), i);
            positions.computeIfAbsent(municipalities.get(i).uf(), uf -> new ArrayList<>()).add(i);
        }
        positions.forEach((uf, list) -> byUf.put(uf, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Position of CNAE subclass {@code code}, or -1 when the catalog has no such subclass. */
    int cnaeIndex(int code) {
        return cnaeIndex.getOrDefault(code, -1);
    }

    /** Position of the municipality with IBGE code {@code ibge}, or -1. */
    int municipalityIndex(int ibge) {
        return municipalityIndex.getOrDefault(ibge, -1);
    }

    /** Positions of {@code uf}'s municipalities; empty for EX and unknown UFs. */
    int[] municipalitiesOf(String uf) {
        return byUf.getOrDefault(uf, new int[0]);
    }
}
