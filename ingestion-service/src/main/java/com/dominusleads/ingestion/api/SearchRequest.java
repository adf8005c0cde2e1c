package com.dominusleads.ingestion.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /v1/companies/search}, in the api-cnaes contract's snake_case, with this directory's
 * extensions (situação, contact filters, opening date, principal-only, keyset cursor). Validated by
 * {@link SearchRequests}: values may come as codes or names, and as strings or numbers.
 */
public record SearchRequest(List<Object> cnaes,
                            String uf,
                            @JsonProperty("municipio_ibge") Object municipioIbge,
                            @JsonProperty("capital_min") BigDecimal capitalMin,
                            List<Object> porte,
                            @JsonProperty("excluir_mei") Boolean excluirMei,
                            Object situacao,
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
