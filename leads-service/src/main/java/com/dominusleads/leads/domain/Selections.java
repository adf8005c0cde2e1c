package com.dominusleads.leads.domain;

import com.dominusleads.companydata.CompanySearchStream;
import com.dominusleads.events.Cnpj;
import com.dominusleads.leads.config.LeadsConfig;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.KnownCompanies;
import com.dominusleads.leads.persistence.PreleadStore;
import com.dominusleads.leads.persistence.SelectionStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Making, reviewing and trimming selections. A selection is filled either from a search ("the whole query, up to N")
 * or from CNPJs picked by hand, through the gateway; then, under a per-tenant lock, {@link SelectionPicker} decides
 * against what the tenant has at that moment (leads, opt-outs, other selections and their addresses), so two
 * selections made at once cannot take the same company or address. Nothing here touches credits.
 */
@ApplicationScoped
public class Selections {

    /** Companies read from a search beyond N, at most, to make up for those left out (already selected ones...). */
    static final int EXTRA_SCAN = 2_000;
    private static final int PAGE = 100;
    private static final int LOOKUPS_IN_FLIGHT = 8;

    private final TenantTransactions transactions;
    private final SearchCriteriaResolver resolver;
    private final CompanyDirectory directory;
    private final KnownCompanies known;
    private final SelectionStore selections;
    private final PreleadStore preleads;
    private final CompanyEvents timeline;
    private final LeadsConfig config;

    public Selections(TenantTransactions transactions, SearchCriteriaResolver resolver, CompanyDirectory directory,
                      KnownCompanies known, SelectionStore selections, PreleadStore preleads, CompanyEvents timeline,
                      LeadsConfig config) {
        this.timeline = timeline;
        this.transactions = transactions;
        this.resolver = resolver;
        this.directory = directory;
        this.known = known;
        this.selections = selections;
        this.preleads = preleads;
        this.config = config;
    }

    /** The up-to-{@code max} first selectable companies of a search. */
    public Uni<Selection> fromSearch(String tenantId, String by, String name, SearchFilters filters, int max) {
        if (max < 1 || max > config.selection().maxCompanies()) {
            throw new ApiException(400, "invalid_max", "max must be between 1 and " + config.selection().maxCompanies()
                    + " companies.", Map.of("field", "max"));
        }
        return transactions.forTenant(tenantId, tx -> resolver.resolve(tx, tenantId, filters)).chain(criteria -> {
            long scanCap = Math.min(2L * max + EXTRA_SCAN, 4L * config.selection().maxCompanies());
            List<Company> candidates = new ArrayList<>();
            SelectionPicker scan = new SelectionPicker(max);
            return CompanySearchStream.of(directory::search, criteria.toSearch(PAGE, null), scanCap)
                    .onFailure().transform(CompanyDirectory::explain)
                    .map(Company::of).filter(criteria::admits)
                    .group().intoLists().of(PAGE)
                    // Decide page by page what is selectable now, to stop reading once N are found.
                    .onItem().transformToUniAndConcatenate(page -> knownAbout(tenantId, page).map(knowledge -> {
                        for (Company company : page) {
                            candidates.add(company);
                            scan.offer(company, knowledge);
                        }
                        return scan.full();
                    }))
                    .select().first(full -> !full).collect().last()
                    .chain(() -> save(tenantId, by, name, criteria.asFilters(), candidates, max, Map.of()));
        });
    }

    /** The named companies, looked up one by one; unknown ones are counted as NOT_FOUND. */
    public Uni<Selection> fromIds(String tenantId, String by, String name, List<String> cnpjs) {
        if (cnpjs.isEmpty() || cnpjs.size() > config.selection().maxIds()) {
            throw new ApiException(400, "invalid_cnpjs", "Name between 1 and " + config.selection().maxIds()
                    + " CNPJs, or select from a search with max.", Map.of("field", "cnpjs"));
        }
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < cnpjs.size(); i++) {
            String text = cnpjs.get(i);
            int position = i;
            Cnpj cnpj = Cnpj.parse(text).orElseThrow(() -> new ApiException(400, "invalid_cnpj", "'" + text
                    + "' is not a valid CNPJ: " + Cnpj.problemWith(text) + ".", Map.of("field", "cnpjs",
                    "position", position)));
            if (!wanted.contains(cnpj.value())) {
                wanted.add(cnpj.value());
            }
        }
        return Multi.createFrom().iterable(wanted)
                .onItem().transformToUni(cnpj -> directory.company(cnpj)).merge(LOOKUPS_IN_FLIGHT)
                .collect().asList()
                .chain(found -> {
                    Map<String, Company> byCnpj = new LinkedHashMap<>();
                    found.stream().flatMap(Optional::stream).map(Company::of)
                            .forEach(company -> byCnpj.put(company.cnpj(), company));
                    // In the order asked for, whatever order the look-ups finished in.
                    List<Company> candidates = wanted.stream().filter(byCnpj::containsKey).map(byCnpj::get).toList();
                    Map<SkipReason, Integer> notFound = new EnumMap<>(SkipReason.class);
                    if (candidates.size() < wanted.size()) {
                        notFound.put(SkipReason.NOT_FOUND, wanted.size() - candidates.size());
                    }
                    return save(tenantId, by, name, null, candidates, wanted.size(), notFound);
                });
    }

    public Uni<Selection> find(SqlClient client, String tenantId, UUID id) {
        return selections.find(client, tenantId, id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** Takes companies out of a DRAFT selection: those named, or all but the first {@code keep}. */
    public Uni<Selection> trim(String tenantId, UUID id, List<String> remove, Integer keep) {
        if ((remove == null || remove.isEmpty()) == (keep == null)) {
            throw new ApiException(400, "invalid_trim", "Send either remove (CNPJs to take out) or keep (how many of"
                    + " the first to keep).", Map.of("field", "remove"));
        }
        if (keep != null && keep < 1) {
            throw new ApiException(400, "invalid_trim", "keep must be at least 1: to drop the whole selection,"
                    + " delete it.", Map.of("field", "keep"));
        }
        List<String> cnpjs = remove == null ? List.of() : remove.stream()
                .map(text -> Cnpj.parse(text).map(Cnpj::value).orElse(text.strip())).toList();
        return transactions.forTenant(tenantId, tx -> draft(tx, tenantId, id)
                .chain(() -> keep != null ? preleads.keepFirst(tx, tenantId, id, keep)
                        : preleads.remove(tx, tenantId, id, cnpjs))
                .chain(() -> find(tx, tenantId, id)));
    }

    /** Deletes a DRAFT selection, freeing its companies and addresses for other selections. */
    public Uni<Void> delete(String tenantId, UUID id) {
        return transactions.forTenant(tenantId, tx -> draft(tx, tenantId, id)
                .chain(() -> selections.delete(tx, tenantId, id)).replaceWithVoid());
    }

    /** Locks the selection; a 404 if the tenant has none such, a 409 if it is no longer a draft. */
    Uni<Void> draft(SqlClient tx, String tenantId, UUID id) {
        return selections.lock(tx, tenantId, id).map(status -> {
            if (status.isEmpty()) {
                throw notFound(id);
            }
            if (!Selection.DRAFT.equals(status.get())) {
                throw ApiException.conflict("selection_started", "Selection " + id + " is being qualified: it can no"
                        + " longer be changed.");
            }
            return null;
        }).replaceWithVoid();
    }

    private Uni<KnownCompanies.Known> knownAbout(String tenantId, List<Company> companies) {
        return transactions.forTenant(tenantId, tx -> knownAbout(tx, tenantId, companies));
    }

    private Uni<KnownCompanies.Known> knownAbout(SqlClient client, String tenantId, List<Company> companies) {
        return known.about(client, tenantId, companies.stream().map(Company::cnpj).toList(),
                companies.stream().flatMap(company -> company.addresses().stream()).distinct().toList());
    }

    /** Decides again under the tenant's lock, against what is committed now, and writes the selection. */
    private Uni<Selection> save(String tenantId, String by, String name, Map<String, Object> criteria,
                                List<Company> candidates, int max, Map<SkipReason, Integer> alreadySkipped) {
        UUID id = UUID.randomUUID();
        return transactions.forTenant(tenantId, tx -> selections.lockTenant(tx, tenantId)
                .chain(() -> knownAbout(tx, tenantId, candidates))
                .chain(knowledge -> {
                    SelectionPicker picker = new SelectionPicker(max);
                    alreadySkipped.forEach(picker::skip);
                    for (Company company : candidates) {
                        if (!picker.offer(company, knowledge)) {
                            break;
                        }
                    }
                    Map<String, Integer> skipped = new LinkedHashMap<>();
                    picker.skipped().forEach((reason, count) -> skipped.put(reason.name(), count));
                    return selections.insert(tx, tenantId, id, name, criteria, skipped, by)
                            .chain(() -> picker.picked().isEmpty() ? Uni.createFrom().voidItem()
                                    : preleads.insertAll(tx, tenantId, id, picker.picked()))
                            .chain(() -> timeline.appendAll(tx, tenantId, by, picker.picked().stream()
                                    .map(pick -> new CompanyEvents.Event(pick.company().cnpj(), "SELECTED",
                                            Map.of("selectionId", id.toString(), "selection", name)))
                                    .toList()))
                            .chain(() -> find(tx, tenantId, id));
                }));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("selection_not_found", "No selection " + id + " in your workspace: check the id"
                + " in your selections list.");
    }
}
