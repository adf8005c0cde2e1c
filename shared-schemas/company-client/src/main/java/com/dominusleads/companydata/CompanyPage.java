package com.dominusleads.companydata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a search. {@code meta} may be missing (a known variant of the remote API): treat it as unknown. Through
 * cnaes-gateway, {@code meta.source} says which side answered; {@code total_items} is null when that side did not say.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyPage(Meta meta, List<CompanyDocument> data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(Integer page, Integer limit,
                       @JsonProperty("total_items") Long totalItems,
                       @JsonProperty("total_items_estimated") Boolean totalItemsEstimated,
                       @JsonProperty("next_cursor") String nextCursor,
                       CompanyDocument.Source source) {
    }
}
