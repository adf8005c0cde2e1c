package com.dominusleads.leads.domain;

import com.dominusleads.companydata.CompanyDocument;
import com.dominusleads.companydata.CompanyPage;
import com.dominusleads.leads.config.LeadsConfig;
import com.dominusleads.leads.persistence.KnownCompanies;
import com.dominusleads.leads.persistence.RecentSearchStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Searching pre-leads: a page of companies from the gateway, each with its contactability, without the companies the
 * tenant already has as leads or that opted out; those already in a selection say which. A first page is recorded in
 * the user's recent searches. Free: nothing here spends credits.
 */
@ApplicationScoped
public class PreleadSearch {

    /** A company found, how reachable it is, and the tenant's selection holding it (null if none). */
    public record Candidate(Company company, Contactability contactability, int score, UUID selectionId) {
    }

    /**
     * @param source     which side of the gateway answered: local (the directory) or remote (api-cnaes)
     * @param totalItems matches of the filters, as the directory counted them (null when it did not say)
     * @param estimated  whether {@code totalItems} is an estimate (large counts are)
     * @param hidden     companies of this page left out: the tenant's leads and opted-out contacts
     */
    public record Meta(String source, Long totalItems, boolean estimated, int hidden, String nextCursor) {
    }

    public record Page(List<Candidate> results, Meta meta) {
    }

    /** How many companies match, for a live counter: the directory's count, before hiding leads and opt-outs. */
    public record MatchCount(Long count, boolean estimated, String source) {
    }

    private final TenantTransactions transactions;
    private final SearchCriteriaResolver resolver;
    private final CompanyDirectory directory;
    private final KnownCompanies known;
    private final RecentSearchStore recent;
    private final LeadsConfig config;

    public PreleadSearch(TenantTransactions transactions, SearchCriteriaResolver resolver, CompanyDirectory directory,
                         KnownCompanies known, RecentSearchStore recent, LeadsConfig config) {
        this.transactions = transactions;
        this.resolver = resolver;
        this.directory = directory;
        this.known = known;
        this.recent = recent;
        this.config = config;
    }

    public Uni<SearchCriteria> criteria(String tenantId, SearchFilters filters) {
        return transactions.forTenant(tenantId, tx -> resolver.resolve(tx, tenantId, filters));
    }

    public Uni<Page> search(String tenantId, String userId, SearchFilters filters, int limit, String cursor) {
        return criteria(tenantId, filters).chain(criteria -> directory.search(criteria.toSearch(limit, cursor))
                .chain(page -> {
                    List<Company> found = companies(page).stream().filter(criteria::admits).toList();
                    CompanyPage.Meta meta = page.meta();
                    Long total = meta == null ? null : meta.totalItems();
                    boolean estimated = meta != null && Boolean.TRUE.equals(meta.totalItemsEstimated());
                    return transactions.forTenant(tenantId, tx -> known.about(tx, tenantId,
                                    found.stream().map(Company::cnpj).toList(),
                                    found.stream().flatMap(company -> company.addresses().stream()).toList())
                            .call(() -> cursor != null ? Uni.createFrom().voidItem()
                                    : recent.record(tx, tenantId, userId, criteria.key(), criteria.label(),
                                            criteria.asFilters(), total, estimated, config.search().recentSearches())))
                            .map(knowledge -> {
                                List<Candidate> results = new ArrayList<>(found.size());
                                for (Company company : found) {
                                    if (!knowledge.hidden(company.cnpj(), company.addresses())) {
                                        Contactability.Score score = company.contactability();
                                        results.add(new Candidate(company, score.level(), score.score(),
                                                knowledge.selections().get(company.cnpj())));
                                    }
                                }
                                return new Page(results, new Meta(source(page), total, estimated,
                                        found.size() - results.size(), meta == null ? null : meta.nextCursor()));
                            });
                }));
    }

    public Uni<MatchCount> count(String tenantId, SearchFilters filters) {
        return criteria(tenantId, filters).chain(criteria -> directory.search(criteria.toSearch(1, null)))
                .map(page -> new MatchCount(page.meta() == null ? null : page.meta().totalItems(),
                        page.meta() != null && Boolean.TRUE.equals(page.meta().totalItemsEstimated()), source(page)));
    }

    static List<Company> companies(CompanyPage page) {
        if (page.data() == null) {
            return List.of();
        }
        List<Company> companies = new ArrayList<>(page.data().size());
        for (CompanyDocument document : page.data()) {
            if (document != null && document.cnpj() != null) {
                companies.add(Company.of(document));
            }
        }
        return companies;
    }

    private static String source(CompanyPage page) {
        return page.meta() == null || page.meta().source() == null ? null
                : page.meta().source().name().toLowerCase(Locale.ROOT);
    }
}
