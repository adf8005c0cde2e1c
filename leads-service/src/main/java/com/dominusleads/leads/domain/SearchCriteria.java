package com.dominusleads.leads.domain;

import com.dominusleads.companydata.CompanySearch;
import com.dominusleads.directory.Municipality;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A search resolved and checked: the segment turned into its CNAEs, the municipality found, sizes as the Receita's
 * codes. What the gateway is asked, and what a company found must satisfy.
 *
 * @param portes the Receita's porte codes (00, 01, 03, 05), empty for any size
 */
public record SearchCriteria(String segment, List<Integer> cnaes, String uf, Municipality municipality,
                             List<String> portes, BigDecimal capitalMin, LocalDate openedAfter, boolean hasMobile,
                             boolean hasEmail, boolean excludeMei) {

    /** The gateway's search for one page. */
    public CompanySearch toSearch(int limit, String cursor) {
        return new CompanySearch(cnaes.stream().map(SearchCriteria::code).toList(), uf,
                municipality == null ? null : municipality.ibgeCode(), capitalMin, portes.isEmpty() ? null : portes,
                excludeMei ? Boolean.TRUE : null, null, null, hasMobile ? Boolean.TRUE : null,
                hasEmail ? Boolean.TRUE : null, openedAfter == null ? null : openedAfter.toString(), null,
                cursor == null ? new CompanySearch.Pagination(1, limit) : new CompanySearch.Pagination(null, limit),
                cursor);
    }

    /**
     * Whether a company found satisfies the filters a side may not apply itself: the contact and opening-date filters
     * are extensions of the api-cnaes contract that the remote API ignores, so they are checked here too.
     */
    public boolean admits(Company company) {
        if (hasMobile && company.phones().stream().noneMatch(Company.Phone::mobile)) {
            return false;
        }
        if (hasEmail && company.emails().isEmpty()) {
            return false;
        }
        return openedAfter == null || company.openedOn() == null || company.openedOn().compareTo(openedAfter.toString()) > 0;
    }

    /** The filters in canonical form: two searches with the same key list the same companies. */
    public String key() {
        return "cnaes=" + cnaes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
                + "|uf=" + (uf == null ? "" : uf)
                + "|municipality=" + (municipality == null ? "" : municipality.ibgeCode())
                + "|porte=" + portes.stream().sorted().collect(Collectors.joining(","))
                + "|capitalMin=" + (capitalMin == null ? "" : capitalMin.stripTrailingZeros().toPlainString())
                + "|openedAfter=" + (openedAfter == null ? "" : openedAfter)
                + "|hasMobile=" + hasMobile + "|hasEmail=" + hasEmail + "|excludeMei=" + excludeMei
                + "|segment=" + (segment == null ? "" : TextKey.of(segment));
    }

    /** The filters as a user can send them again (municipality by IBGE code, with its name for display). */
    public Map<String, Object> asFilters() {
        Map<String, Object> filters = new LinkedHashMap<>();
        if (segment != null) {
            filters.put("segment", segment);
        }
        filters.put("cnaes", cnaes.stream().map(SearchCriteria::code).toList());
        if (uf != null) {
            filters.put("uf", uf);
        }
        if (municipality != null) {
            filters.put("municipality", String.valueOf(municipality.ibgeCode()));
        }
        if (!portes.isEmpty()) {
            filters.put("porte", portes);
        }
        if (capitalMin != null) {
            filters.put("capitalMin", capitalMin);
        }
        if (openedAfter != null) {
            filters.put("openedAfter", openedAfter.toString());
        }
        filters.put("hasMobile", hasMobile);
        filters.put("hasEmail", hasEmail);
        filters.put("excludeMei", excludeMei);
        return filters;
    }

    /** A short label for lists such as "Buscas recentes": {@code Advogados em Campinas/SP}. */
    public String label() {
        String what = segment != null ? segment : cnaes.stream().limit(3).map(SearchCriteria::code)
                .collect(Collectors.joining(", ")) + (cnaes.size() > 3 ? " (+" + (cnaes.size() - 3) + ")" : "");
        String where = municipality != null ? municipality.name() + "/" + municipality.uf() : uf != null ? uf : "Brasil";
        return what + " em " + where;
    }

    private static String code(int cnae) {
        return String.format("%07d", cnae);
    }
}
