package com.dominusleads.companydata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /v1/companies/search}; absent filters are left out of the JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanySearch(List<String> cnaes,
                            String uf,
                            @JsonProperty("municipio_ibge") Integer municipioIbge,
                            @JsonProperty("capital_min") BigDecimal capitalMin,
                            List<String> porte,
                            @JsonProperty("excluir_mei") Boolean excluirMei,
                            String situacao,
                            @JsonProperty("has_phone") Boolean hasPhone,
                            @JsonProperty("has_mobile") Boolean hasMobile,
                            @JsonProperty("has_email") Boolean hasEmail,
                            @JsonProperty("opened_after") String openedAfter,
                            @JsonProperty("apenas_principal") Boolean principalOnly,
                            Pagination pagination,
                            String cursor) {

    public record Pagination(Integer page, Integer limit) {
    }
}
