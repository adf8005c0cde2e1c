package com.dominusleads.leads.domain;

import com.dominusleads.directory.Municipality;
import com.dominusleads.directory.Ufs;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the filters a user sent into {@link SearchCriteria}, or a 400 that names the filter at fault and what to do:
 * a segment the tenant has, CNAEs of the CNAE table, a real UF, a municipality found by code or name, known sizes and
 * an ISO date. Nothing is sent to the gateway before this passes.
 */
@ApplicationScoped
public class SearchCriteriaResolver {

    private final Segments segments;
    private final MunicipalityLookup municipalities;

    public SearchCriteriaResolver(Segments segments, MunicipalityLookup municipalities) {
        this.segments = segments;
        this.municipalities = municipalities;
    }

    public Uni<SearchCriteria> resolve(SqlClient client, String tenantId, SearchFilters filters) {
        boolean hasSegment = filters.segment() != null && !filters.segment().isBlank();
        boolean hasCnaes = filters.cnaes() != null && !filters.cnaes().isEmpty();
        if (!hasSegment && !hasCnaes) {
            throw new ApiException(400, "missing_activity", "Say what the companies do: a segment (such as"
                    + " \"Advogados\") or CNAE codes.", Map.of("field", "segment"));
        }
        String uf = uf(filters.uf());
        Municipality municipality = filters.municipality() == null || filters.municipality().isBlank() ? null
                : municipalities.find(filters.municipality(), uf);
        List<String> portes = portes(filters.porte());
        LocalDate openedAfter = date(filters.openedAfter());
        List<Integer> explicit = hasCnaes ? segments.cnaeCodes(filters.cnaes(), "cnaes") : List.of();
        Uni<Segment> segment = hasSegment ? segments.named(client, tenantId, filters.segment())
                : Uni.createFrom().nullItem();
        return segment.map(named -> {
            Set<Integer> cnaes = new LinkedHashSet<>(named == null ? List.of() : named.cnaes());
            cnaes.addAll(explicit);
            return new SearchCriteria(named == null ? null : named.name(), List.copyOf(cnaes),
                    municipality != null ? municipality.uf() : uf, municipality, portes, filters.capitalMin(),
                    openedAfter, Boolean.TRUE.equals(filters.hasMobile()), Boolean.TRUE.equals(filters.hasEmail()),
                    Boolean.TRUE.equals(filters.excludeMei()));
        });
    }

    private static String uf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String uf = value.strip().toUpperCase(Locale.ROOT);
        if (!Ufs.ALL.contains(uf)) {
            throw new ApiException(400, "invalid_uf", "'" + value + "' is not a Brazilian UF: use its two letters,"
                    + " such as SP or MG.", Map.of("field", "uf"));
        }
        return uf;
    }

    private static List<String> portes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String value : values) {
            codes.add(switch (value.strip().toUpperCase(Locale.ROOT).replace('_', ' ')) {
                case "00", "0", "NAO INFORMADO", "NÃO INFORMADO" -> "00";
                case "01", "1", "ME", "MICRO EMPRESA", "MICROEMPRESA" -> "01";
                case "03", "3", "EPP", "EMPRESA DE PEQUENO PORTE" -> "03";
                case "05", "5", "DEMAIS" -> "05";
                default -> throw new ApiException(400, "invalid_porte", "'" + value + "' is not a company size: use"
                        + " ME, EPP, DEMAIS or NAO_INFORMADO.", Map.of("field", "porte"));
            });
        }
        return new ArrayList<>(codes);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_opened_after", "openedAfter must be a date such as 2020-01-31, not '"
                    + value + "'.", Map.of("field", "openedAfter"));
        }
    }
}
