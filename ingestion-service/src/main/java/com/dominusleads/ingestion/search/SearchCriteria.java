package com.dominusleads.ingestion.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated directory search: establishments having any of {@code cnaes} (as principal, or also as secondary
 * unless {@code principalOnly}), in a situação, optionally narrowed by place, company size and capital, MEI, contact
 * channels and opening date. Results come in CNPJ order: {@code afterCnpj} continues after a page (keyset), or
 * {@code offset} skips rows (the contract's page numbers, for shallow pages only).
 */
public record SearchCriteria(List<Integer> cnaes, boolean principalOnly, int situacao, String uf, Integer municipioIbge,
                             List<Integer> portes, BigDecimal capitalMin, boolean excluirMei, boolean hasPhone,
                             boolean hasMobile, boolean hasEmail, LocalDate openedAfter, int limit, int offset,
                             String afterCnpj) {

    /** Deepest row reachable with page numbers; beyond it the cursor must be used (it stays fast at any depth). */
    public static final int MAX_OFFSET_WINDOW = 10_000;

    /** Filters that live on the company or the establishment row rather than in the search table. */
    public boolean needsCompany() {
        return (portes != null && !portes.isEmpty()) || capitalMin != null || excluirMei;
    }

    /** Contact-channel filters as the search table's flag bits. */
    public int requiredFlags() {
        return (hasPhone ? 1 : 0) | (hasMobile ? 2 : 0) | (hasEmail ? 4 : 0);
    }
}
