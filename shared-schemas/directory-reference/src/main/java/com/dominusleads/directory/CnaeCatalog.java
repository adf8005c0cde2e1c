package com.dominusleads.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 1,332 CNAE 2.3 subclasses (Fonte: IBGE/CONCLA), from {@code dominus/reference/cnae_subclasses.csv}. */
public final class CnaeCatalog {

    private static final CnaeCatalog INSTANCE = new CnaeCatalog(ReferenceCsv.read("cnae_subclasses.csv").stream()
            .map(f -> new Cnae(Integer.parseInt(f.get(0)), f.get(1), f.get(2)))
            .toList());

    private final Map<Integer, Cnae> byCode = new LinkedHashMap<>();

    private CnaeCatalog(List<Cnae> cnaes) {
        cnaes.forEach(c -> byCode.put(c.code(), c));
    }

    public static CnaeCatalog instance() {
        return INSTANCE;
    }

    public Optional<Cnae> byCode(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every subclass in code order. */
    public List<Cnae> all() {
        return List.copyOf(byCode.values());
    }
}
