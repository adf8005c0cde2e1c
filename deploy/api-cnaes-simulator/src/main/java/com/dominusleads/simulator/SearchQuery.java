package com.dominusleads.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated search: the filters of {@code POST /companies/search} (or of {@code GET /companies}, then principal CNAE
 * only) and the requested window.
 *
 * @param cnaes         CNAE subclass codes, distinct, in request order
 * @param principalOnly whether the CNAE must be the principal one (the GET listing) or may be a secondary one
 * @param uf            the UF, or null (implied by the municipality when one is given)
 * @param municipioIbge IBGE code of the municipality, or null
 * @param capitalMin    minimum capital social, or null
 * @param categories    the size categories allowed ({@link CnpjCodec#CATEGORIES}), after porte[] and excluir_mei
 * @param page          the page number reported back
 * @param limit         page size
 * @param offset        index of the first result of the page
 */
record SearchQuery(List<Integer> cnaes, boolean principalOnly, String uf, Integer municipioIbge, BigDecimal capitalMin,
                   Set<Integer> categories, int page, int limit, long offset) {

    /** The filters in a canonical form: equal for searches that must list the same companies, whatever the paging. */
    String key() {
        return (principalOnly ? "list" : "search")
                + "|cnaes=" + cnaes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
                + "|uf=" + (uf == null ? "" : uf)
                + "|municipio=" + (municipioIbge == null ? "" : municipioIbge)
                + "|capital_min=" + (capitalMin == null ? "" : capitalMin.stripTrailingZeros().toPlainString())
                + "|categories=" + categories.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
