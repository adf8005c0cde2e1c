package com.dominusleads.leads.domain;

import java.util.List;

/**
 * A named list of CNAE subclasses a sales team searches by ("Advogados" → 6911701).
 *
 * @param custom false for a default shipped with the service, true when the tenant defined or edited it
 */
public record Segment(String name, List<Integer> cnaes, boolean custom) {

    public String key() {
        return TextKey.of(name);
    }
}
