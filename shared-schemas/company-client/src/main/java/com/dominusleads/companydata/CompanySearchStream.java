package com.dominusleads.companydata;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * Every company of a search, page after page, as one stream: it follows {@code meta.next_cursor} when the server gives
 * one (keyset paging has no depth limit) and page numbers otherwise, and stops at an exact {@code total_items}, at a
 * short or empty page (a server that sends no {@code meta}, or an estimated total), or at {@code cap} companies,
 * whichever comes first.
 */
public final class CompanySearchStream {

    private static final int PAGE_LIMIT = 100;

    private CompanySearchStream() {
    }

    /** The companies {@code search} finds through {@code pages} (e.g. {@code api::search}), at most {@code cap}. */
    public static Multi<CompanyDocument> of(Function<CompanySearch, Uni<CompanyPage>> pages, CompanySearch search,
                                            long cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        int limit = search.pagination() != null && search.pagination().limit() != null
                ? search.pagination().limit() : PAGE_LIMIT;
        return Multi.createFrom().deferred(() -> from(pages, new Cursor(search, limit))).select().first(cap);
    }

    /** This page's companies, then (lazily: only if the subscriber wants more) the next page's. */
    private static Multi<CompanyDocument> from(Function<CompanySearch, Uni<CompanyPage>> pages, Cursor cursor) {
        return pages.apply(cursor.request()).onItem().transformToMulti(page -> {
            List<CompanyDocument> companies = page.data() == null ? List.of() : page.data();
            Multi<CompanyDocument> these = Multi.createFrom().iterable(companies);
            return cursor.advance(page, companies.size())
                    ? Multi.createBy().concatenating().streams(these, Multi.createFrom().deferred(() -> from(pages, cursor)))
                    : these;
        });
    }

    /** Where the next page starts; mutated only by the one subscription that owns it. */
    private static final class Cursor {

        private final CompanySearch search;
        private final int limit;
        private int page = 1;
        private String next;
        private long seen;

        Cursor(CompanySearch search, int limit) {
            this.search = search;
            this.limit = limit;
        }

        CompanySearch request() {
            return new CompanySearch(search.cnaes(), search.uf(), search.municipioIbge(), search.capitalMin(),
                    search.porte(), search.excluirMei(), search.situacao(), search.hasPhone(), search.hasMobile(),
                    search.hasEmail(), search.openedAfter(), search.principalOnly(),
                    new CompanySearch.Pagination(next == null ? page : null, limit), next);
        }

        /** Moves past {@code fetched}; true when another page may have companies. */
        boolean advance(CompanyPage fetched, int count) {
            page++;
            seen += count;
            CompanyPage.Meta meta = fetched.meta();
            next = meta == null || meta.nextCursor() == null || meta.nextCursor().isBlank() ? null : meta.nextCursor();
            boolean exactTotal = meta != null && meta.totalItems() != null && !Boolean.TRUE.equals(meta.totalItemsEstimated());
            if (count == 0 || (exactTotal && seen >= meta.totalItems())) {
                return false; // an estimated total may be short of the real one: only an empty page ends then
            }
            int pageSize = meta != null && meta.limit() != null ? meta.limit() : limit; // the server may cap the limit
            return next != null || count >= pageSize;
        }
    }
}
