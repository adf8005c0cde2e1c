package com.dominusleads.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.servicekit.api.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MunicipalityLookupTest {

    private final MunicipalityLookup lookup = new MunicipalityLookup();

    @Test
    void findsANameWhateverItsAccentsAndCase() {
        assertThat(lookup.find("sao jose dos campos", null).ibgeCode()).isEqualTo(3549904);
        assertThat(lookup.find("SÃO PAULO", "SP").ibgeCode()).isEqualTo(3550308);
        assertThat(lookup.find("Santa Barbara D'Oeste", null).uf()).isEqualTo("SP");
    }

    @Test
    void findsAnIbgeCodeAndChecksItsUf() {
        assertThat(lookup.find("3304557", null).name()).isEqualTo("Rio de Janeiro");
        assertThatThrownBy(() -> lookup.find("3304557", "SP")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("municipality_not_in_uf");
    }

    @Test
    void aNameSeveralUfsShareNeedsItsUf() {
        assertThatThrownBy(() -> lookup.find("Bom Jesus", null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("ambiguous_municipality");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> candidates = (List<Map<String, Object>>) e.toError().error().details().get("candidates");
            assertThat(candidates).hasSizeGreaterThan(1).extracting(c -> c.get("uf")).contains("PI", "RS");
        });
        assertThat(lookup.find("bom jesus", "RS").uf()).isEqualTo("RS");
    }

    @Test
    void anUnknownNameSuggestsThoseThatStartLikeIt() {
        assertThatThrownBy(() -> lookup.find("Sao Jose dos", "SP")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("unknown_municipality");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> suggestions = (List<Map<String, Object>>) e.toError().error().details().get("suggestions");
            assertThat(suggestions).extracting(s -> s.get("name")).contains("São José dos Campos");
        });
    }
}
