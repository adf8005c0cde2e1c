package com.dominusleads.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 5,571 municipalities, found by TOM code (what the Receita Federal files carry) or by IBGE code (what everyone
 * else uses). Source: {@code dominus/reference/municipios.csv}, see SOURCES.md beside it.
 */
public final class Municipalities {

    private static final Municipalities INSTANCE = load();

    private final Map<Integer, Municipality> byTom;
    private final Map<Integer, Municipality> byIbge;
    private final List<Municipality> all;

    private Municipalities(List<Municipality> all) {
        this.all = List.copyOf(all);
        this.byTom = new HashMap<>();
        this.byIbge = new HashMap<>();
        for (Municipality m : all) {
            byTom.put(m.tomCode(), m);
            byIbge.put(m.ibgeCode(), m);
        }
    }

    public static Municipalities instance() {
        return INSTANCE;
    }

    public Optional<Municipality> byTom(int tomCode) {
        return Optional.ofNullable(byTom.get(tomCode));
    }

    public Optional<Municipality> byIbge(int ibgeCode) {
        return Optional.ofNullable(byIbge.get(ibgeCode));
    }

    public Collection<Municipality> all() {
        return all;
    }

    private static Municipalities load() {
        // ibge_code,tom_code,name,uf,tom_name: no field of this file is quoted.
        List<Municipality> rows = ReferenceCsv.read("municipios.csv").stream()
                .map(f -> new Municipality(Integer.parseInt(f.get(0)), Integer.parseInt(f.get(1)), f.get(2), f.get(3)))
                .toList();
        return new Municipalities(rows);
    }
}
