package com.dominusleads.leads.domain;

import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import com.dominusleads.servicekit.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a municipality by its IBGE code or by its name as a user types it: accents, case and punctuation do not
 * matter ("sao jose dos campos"). A name several UFs share ("Bom Jesus") needs its UF; the error lists them.
 */
@ApplicationScoped
public class MunicipalityLookup {

    private static final int SUGGESTIONS = 5;

    private final Municipalities municipalities = Municipalities.instance();
    private final Map<String, List<Municipality>> byName = new HashMap<>();

    public MunicipalityLookup() {
        for (Municipality municipality : municipalities.all()) {
            byName.merge(TextKey.of(municipality.name()), List.of(municipality),
                    (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
    }

    /**
     * The municipality meant by {@code text} (a 7-digit IBGE code or a name), within {@code uf} when one is given;
     * a 400 error naming the candidates or suggestions otherwise.
     */
    public Municipality find(String text, String uf) {
        String wanted = text.strip();
        if (wanted.matches("\\d{7}")) {
            Municipality found = municipalities.byIbge(Integer.parseInt(wanted)).orElseThrow(() -> new ApiException(400,
                    "unknown_municipality", "No municipality has the IBGE code " + wanted + ".",
                    Map.of("field", "municipality")));
            if (uf != null && !uf.equals(found.uf())) {
                throw new ApiException(400, "municipality_not_in_uf", found.name() + " (" + wanted + ") is in "
                        + found.uf() + ", not in " + uf + ": fix the UF or leave it out.",
                        Map.of("field", "municipality", "uf", found.uf()));
            }
            return found;
        }
        String key = TextKey.of(wanted);
        List<Municipality> named = byName.getOrDefault(key, List.of()).stream()
                .filter(municipality -> uf == null || uf.equals(municipality.uf())).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            List<Map<String, Object>> suggestions = municipalities.all().stream()
                    .filter(municipality -> uf == null || uf.equals(municipality.uf()))
                    .filter(municipality -> TextKey.of(municipality.name()).startsWith(key.isEmpty() ? "\0" : key))
                    .sorted(Comparator.comparing(Municipality::name)).limit(SUGGESTIONS)
                    .map(MunicipalityLookup::describe).toList();
            throw new ApiException(400, "unknown_municipality", "No municipality is named '" + wanted + "'"
                    + (uf == null ? "" : " in " + uf) + (suggestions.isEmpty() ? ": check the spelling or use its"
                    + " 7-digit IBGE code." : ": did you mean one of the suggestions?"),
                    Map.of("field", "municipality", "suggestions", suggestions));
        }
        throw new ApiException(400, "ambiguous_municipality", "Several municipalities are named '" + wanted
                + "': add the UF or use the IBGE code of the one you mean.",
                Map.of("field", "municipality", "candidates", named.stream()
                        .sorted(Comparator.comparing(Municipality::uf)).map(MunicipalityLookup::describe).toList()));
    }

    private static Map<String, Object> describe(Municipality municipality) {
        return Map.of("ibgeCode", municipality.ibgeCode(), "name", municipality.name(), "uf", municipality.uf());
    }
}
