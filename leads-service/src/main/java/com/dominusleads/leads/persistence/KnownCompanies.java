package com.dominusleads.leads.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a tenant already knows about some companies and addresses: which are its leads, which opted out (the company
 * or one of the addresses), which are in one of its selections, and which addresses a pre-lead already holds. One
 * round trip, whatever the number of companies.
 */
@ApplicationScoped
public class KnownCompanies {

    /**
     * @param leads                companies in the tenant's CRM
     * @param suppressedCompanies  companies whose contact opted out
     * @param suppressedAddresses  addresses that opted out
     * @param selections           companies already selected, with their selection
     * @param takenAddresses       addresses a selected company will be contacted at
     */
    public record Known(Set<String> leads, Set<String> suppressedCompanies, Set<String> suppressedAddresses,
                        Map<String, UUID> selections, Set<String> takenAddresses) {

        public boolean hidden(String cnpj, List<String> addresses) {
            return leads.contains(cnpj) || suppressedCompanies.contains(cnpj)
                    || addresses.stream().anyMatch(suppressedAddresses::contains);
        }
    }

    private static final String QUERY = """
            select 'lead' as kind, cnpj as value, null::uuid as selection_id from lead
             where tenant_id = $1 and cnpj = any($2)
            union all
            select 'suppressed_company', cnpj, null from suppressed_contact where tenant_id = $1 and cnpj = any($2)
            union all
            select 'suppressed_address', address, null from suppressed_contact where tenant_id = $1 and address = any($3)
            union all
            select 'selected', cnpj, selection_id from prelead where tenant_id = $1 and cnpj = any($2)
            union all
            select 'taken_address', address, null from prelead_contact where tenant_id = $1 and address = any($3)""";

    public Uni<Known> about(SqlClient client, String tenantId, List<String> cnpjs, List<String> addresses) {
        return client.preparedQuery(QUERY).execute(Tuple.of(tenantId, cnpjs.toArray(String[]::new),
                addresses.toArray(String[]::new))).map(rows -> {
                    Known known = new Known(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashMap<>(),
                            new HashSet<>());
                    for (Row row : rows) {
                        String value = row.getString("value");
                        switch (row.getString("kind")) {
                            case "lead" -> known.leads().add(value);
                            case "suppressed_company" -> known.suppressedCompanies().add(value);
                            case "suppressed_address" -> known.suppressedAddresses().add(value);
                            case "selected" -> known.selections().put(value, row.getUUID("selection_id"));
                            default -> known.takenAddresses().add(value);
                        }
                    }
                    return known;
                });
    }
}
